module example.com/move

go 1.26
