module example.com/reflectany

go 1.24
