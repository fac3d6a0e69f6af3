module example.com/visitors

go 1.24
