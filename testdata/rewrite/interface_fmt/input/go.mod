module example.com/ifmt

go 1.22
