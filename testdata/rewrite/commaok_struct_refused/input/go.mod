module example.com/refused

go 1.22
