module example.com/commaok

go 1.22
