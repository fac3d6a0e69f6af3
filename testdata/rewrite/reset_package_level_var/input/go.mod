module example.com/runlist

go 1.26
