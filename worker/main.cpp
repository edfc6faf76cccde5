// placeholder until the worker lands
int main() { return 0; }
