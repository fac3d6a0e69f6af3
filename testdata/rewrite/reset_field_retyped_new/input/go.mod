module example.com/option

go 1.26
