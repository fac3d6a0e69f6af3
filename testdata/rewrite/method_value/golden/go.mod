module example.com/mvalue

go 1.22
