module example.com/moves

go 1.24
