module example.com/tickets

go 1.24
