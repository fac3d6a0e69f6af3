module example.com/holder

go 1.22
