module example.com/seen

go 1.24
