module example.com/reg

go 1.22
