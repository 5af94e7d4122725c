// Runs the kernels of sweep.cu on the CPU (see emu.h), for SweepKernelsEmulatedTest:
//   sweep_emu reduce|screen IN OUT
// IN and OUT are raw native-endian arrays as the test writes and reads them (see the test for the layout).
#include "emu.h"

thread_local EmuDim threadIdx;
EmuDim blockIdx, gridDim;
double* dynamicShared;
inline int atomicAdd(int* p, int v) {
    int old = *p;
    *p += v;
    return old;
}

#include "../src/main/cuda/sweep.cu"

#include <cstdio>
#include <string>
#include <vector>

template <typename T> static std::vector<T> read(FILE* f, size_t n) {
    std::vector<T> v(n);
    if (n > 0 && fread(v.data(), sizeof(T), n, f) != n) {
        fprintf(stderr, "short input\n");
        exit(2);
    }
    return v;
}

template <typename T> static void write(FILE* f, const T* p, size_t n) {
    if (n > 0) fwrite(p, sizeof(T), n, f);
}

int main(int argc, char** argv) {
    if (argc != 4) return 2;
    std::string mode = argv[1];
    FILE* in = fopen(argv[2], "rb");
    FILE* out = fopen(argv[3], "wb");
    if (!in || !out) return 2;
    if (mode == "reduce") {
        auto h = read<int>(in, 4);  // count, bars, regions, single
        int count = h[0], bars = h[1], regions = h[2], single = h[3];
        auto lv = read<double>(in, 3);
        auto lens = read<int>(in, count), from = read<int>(in, count);
        int groups = (count + 31) / 32, cap = groups * 32;
        auto close = read<double>(in, (size_t) cap * bars);
        auto outd = read<double>(in, (size_t) regions * cap * bars);
        std::vector<float> outf(outd.begin(), outd.end());
        std::vector<double> dst((size_t) regions * count * 10);
        gridDim = {(unsigned) groups, (unsigned) regions, 1};
        for (int y = 0; y < regions; y++)
            for (int x = 0; x < groups; x++) {
                blockIdx = {(unsigned) x, (unsigned) y, 0};
                for (int l = 0; l < 32; l++) {
                    threadIdx.x = l;
                    if (single)
                        sweep_reduce_f32(outf.data(), close.data(), lens.data(), from.data(), count, bars, (long long) cap * bars, lv[0], lv[1], lv[2],
                                         dst.data());
                    else
                        sweep_reduce_f64(outd.data(), close.data(), lens.data(), from.data(), count, bars, (long long) cap * bars, lv[0], lv[1], lv[2],
                                         dst.data());
                }
            }
        write(out, dst.data(), dst.size());
    } else {
        auto h = read<int>(in, 7);  // count, bars, code length, constants, operands, input elements, output elements
        int count = h[0], bars = h[1], codeLength = h[2], nConst = h[3], nOps = h[4];
        auto code = read<int>(in, codeLength);
        auto constants = read<double>(in, nConst);
        auto kinds = read<int>(in, nOps);
        auto offsets = read<long long>(in, nOps);
        auto at = read<int>(in, count);
        auto ind = read<double>(in, h[5]);
        auto outd = read<double>(in, h[6]);
        int found = 0;
        std::vector<int> matches(count);
        std::vector<double> values((size_t) count * nOps + 1);
        int groups = (count + 31) / 32;
        gridDim = {(unsigned) groups, 1, 1};
        for (int x = 0; x < groups; x++) {
            blockIdx = {(unsigned) x, 0, 0};
            for (int l = 0; l < 32; l++) {
                threadIdx.x = l;
                screen_eval_f64(code.data(), codeLength, constants.data(), ind.data(), outd.data(), offsets.data(), kinds.data(), nOps, at.data(), count,
                                bars, &found, matches.data(), values.data());
            }
        }
        write(out, &found, 1);
        write(out, matches.data(), found);
        write(out, values.data(), (size_t) found * nOps);
    }
    fclose(out);
    return 0;
}
