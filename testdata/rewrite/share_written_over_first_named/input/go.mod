module example.com/firstwrite

go 1.24
