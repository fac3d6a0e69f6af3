module example.com/arrfield

go 1.22
