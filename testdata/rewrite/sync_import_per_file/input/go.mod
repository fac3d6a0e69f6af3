module example.com/perfile

go 1.22
