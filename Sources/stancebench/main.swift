print("stancebench")
