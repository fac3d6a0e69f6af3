module example.com/movesame

go 1.24
