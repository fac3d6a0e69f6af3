module example.com/evalorder

go 1.24
