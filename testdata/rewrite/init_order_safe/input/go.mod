module example.com/initsafe

go 1.22
