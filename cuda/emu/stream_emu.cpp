// Runs the kernels of stream.cu on the CPU (see emu.h) as a device that keeps its memory between commands, for
// the emulated universe stream of the tests (EmulatedStreamDevice.java):
//   g++ -std=c++20 -O2 -ffp-contract=off -include emu.h -o stream_emu stream_emu.cpp && ./stream_emu
// Commands on stdin, answers on stdout, native-endian binary; each command is one int32 code:
//   1 layout   specs, table (specs x 12 int32), dparams (specs x 2 double)   -> specs x 4 int32 (stream_layout's)
//   2 open     n, specs, fields, closeSlot, outputs, stateWords, ringDoubles, table, dparams: zeroed state and rings
//   3 step     bars, commit, wantOut, then bars x fields x n doubles          -> outputs x n doubles if wantOut
//   4 read     -> stateWords x n uint64, then ringDoubles x n doubles
//   5 write    stateWords x n uint64, then ringDoubles x n doubles
//   0 quit
#include "emu.h"

thread_local EmuDim threadIdx;
EmuDim blockIdx, gridDim, blockDim;
double* dynamicShared;

#include "../src/main/cuda/stream.cu"

#include <cstdio>
#include <cstdlib>
#include <vector>

template <typename T> static void get(T* p, size_t n) {
    if (n > 0 && fread(p, sizeof(T), n, stdin) != n) exit(3);
}
template <typename T> static T get1() {
    T v;
    get(&v, 1);
    return v;
}
template <typename T> static void put(const T* p, size_t n) {
    if (n > 0) fwrite(p, sizeof(T), n, stdout);
}

int main() {
    std::vector<int> table;
    std::vector<double> dparams, rings, in, out;
    std::vector<unsigned long long> state;
    int n = 0, specs = 0, fields = 0, closeSlot = 0, outputs = 0;
    long long words = 0, ringDoubles = 0;
    for (;;) {
        int code;
        if (fread(&code, 4, 1, stdin) != 1) return 0;
        if (code == 0) return 0;
        if (code == 1) {
            int k = get1<int>();
            std::vector<int> t(12 * (size_t) k), o(4 * (size_t) k);
            std::vector<double> d(2 * (size_t) k);
            get(t.data(), t.size());
            get(d.data(), d.size());
            blockDim = {32, 1, 1};
            for (int i = 0; i < k; i++) {
                blockIdx = {(unsigned) (i / 32), 0, 0};
                threadIdx.x = i % 32;
                stream_layout(t.data(), d.data(), k, o.data());
            }
            put(o.data(), o.size());
        } else if (code == 2) {
            n = get1<int>();
            specs = get1<int>();
            fields = get1<int>();
            closeSlot = get1<int>();
            outputs = get1<int>();
            words = get1<long long>();
            ringDoubles = get1<long long>();
            table.assign(12 * (size_t) specs, 0);
            dparams.assign(2 * (size_t) specs, 0);
            get(table.data(), table.size());
            get(dparams.data(), dparams.size());
            state.assign((size_t) words * n, 0);
            rings.assign((size_t) ringDoubles * n, 0.0);
            out.assign((size_t) outputs * n, 0.0);
        } else if (code == 3) {
            int bars = get1<int>(), commit = get1<int>(), wantOut = get1<int>();
            in.resize((size_t) bars * fields * n);
            get(in.data(), in.size());
            blockDim = {128, 1, 1};
            for (int k = 0; k < specs; k++)
                for (int s = 0; s < n; s++) {
                    blockIdx = {(unsigned) (s / 128), (unsigned) k, 0};
                    threadIdx.x = s % 128;
                    stream_step(table.data(), dparams.data(), n, state.data(), rings.data(), in.data(), fields, closeSlot, bars, out.data(),
                                (commit ? 1 : 0) | (wantOut ? 2 : 0));
                }
            if (wantOut) put(out.data(), out.size());
        } else if (code == 4) {
            put(state.data(), state.size());
            put(rings.data(), rings.size());
        } else if (code == 5) {
            get(state.data(), state.size());
            get(rings.data(), rings.size());
        } else {
            return 2;
        }
        fflush(stdout);
    }
}
