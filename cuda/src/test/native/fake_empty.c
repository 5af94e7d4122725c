/* An empty library with a version node, standing in for a CUDA library that is linked but not called. */
int hybridta_fake_library(void) { return 0; }
