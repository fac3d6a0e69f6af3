package main

func other() int { return cloneSyncMap() }

func cloneSyncMap() int { return 2 }
