module example.com/setter

go 1.26
