module example.com/ow

go 1.22
