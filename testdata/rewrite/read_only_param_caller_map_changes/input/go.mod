module example.com/rochanges

go 1.24
