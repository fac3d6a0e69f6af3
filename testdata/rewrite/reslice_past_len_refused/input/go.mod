module example.com/reslice

go 1.22
