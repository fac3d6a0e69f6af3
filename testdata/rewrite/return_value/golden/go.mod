module example.com/ret

go 1.22
