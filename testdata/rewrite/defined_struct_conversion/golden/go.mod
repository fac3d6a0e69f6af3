module example.com/convu

go 1.22
