module example.com/mapread

go 1.22
