module example.com/mkslice

go 1.22
