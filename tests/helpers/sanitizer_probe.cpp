// Proof that a sanitized build is sanitized: `sanitizer_probe heap` reads past a heap array and
// `sanitizer_probe overflow` overflows a signed int. Built with SAMAKI_SANITIZE=address,undefined, each run
// must end in the sanitizer's report (tests/CMakeLists.txt); without the sanitizers both exit 0 and the
// tests fail.
#include <climits>
#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  if (argc == 2 && std::strcmp(argv[1], "heap") == 0) {
    volatile int size = 4;
    int* values = new int[size];
    const int beyond = values[size];
    delete[] values;
    return beyond & 0;
  }
  if (argc == 2 && std::strcmp(argv[1], "overflow") == 0) {
    volatile int largest = INT_MAX;
    const int past = largest + argc;
    return past & 0;
  }
  std::fprintf(stderr, "usage: sanitizer_probe heap|overflow\n");
  return 2;
}
