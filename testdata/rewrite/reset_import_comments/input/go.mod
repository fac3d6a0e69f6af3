module example.com/reset

go 1.26
