module example.com/newmulti

go 1.22
