module example.com/namedret

go 1.24
