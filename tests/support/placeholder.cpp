// support code for tests lands here
