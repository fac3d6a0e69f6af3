module example.com/rangestore

go 1.22
