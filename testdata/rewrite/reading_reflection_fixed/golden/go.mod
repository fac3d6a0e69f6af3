module example.com/readrefl

go 1.22
