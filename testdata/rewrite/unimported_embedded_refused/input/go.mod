module example.com/unimp

go 1.22
