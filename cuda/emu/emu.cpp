// Runs hybridta.cu's kernels on the CPU, for testing kernel changes on a machine without a GPU.
//
//   g++ -std=c++20 -O2 -ffp-contract=off -DHYBRIDTA_EMULATION -include emu.h -o emu emu.cpp
//   ./emu JOB
//
// JOB is a text file of commands, one per line:
//   panel SERIES BARS GROUPS LENGTHS_FILE          series lengths: int32 little-endian, one per series
//   input NAME FILE                                series-major doubles (SERIES x BARS), moved to the grouped layout
//   output NAME f64|f32 [REGIONS]                  a grouped output (REGIONS of them back to back), filled with a poison pattern
//   launch ENTRY GRID_X GRID_Y SHARED_BYTES ARG... ARG: in:NAME out:NAME[@REGION] lens int:V long:V double:V null
//                                                  scratch:DOUBLES_PER_SERIES ints:V,V,... doubles:V,V,...
//   launchz ENTRY GRID_X GRID_Y GRID_Z SHARED_BYTES ARG...   the same on GRID_Z planes (a sweep's parameter sets)
//   write NAME FILE [REGION]                       a grouped output as series-major doubles (float widened)
// Exits non-zero, naming the output, if a launch left any element of an output unwritten.
#include "../src/main/cuda/hybridta.cu"

#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

thread_local EmuDim threadIdx;
EmuDim blockIdx, gridDim;
double* dynamicShared = nullptr;

namespace emu {
struct Arg {
    void* p = nullptr;
    long long i = 0;
    double d = 0;
};
template <typename T> T conv(const Arg& a) {
    if constexpr (std::is_pointer_v<T>) return (T) a.p;
    else if constexpr (std::is_same_v<T, double>) return a.d;
    else return (T) a.i;
}
template <typename... A, size_t... I> void callWith(void (*f)(A...), const std::vector<Arg>& a, std::index_sequence<I...>) {
    f(conv<A>(a[I])...);
}
template <typename... A> std::function<void(const std::vector<Arg>&)> kernel(void (*f)(A...)) {
    return [f](const std::vector<Arg>& a) {
        if (a.size() != sizeof...(A)) throw std::runtime_error("wrong argument count " + std::to_string(a.size()));
        callWith(f, a, std::index_sequence_for<A...>{});
    };
}
#define E(name) {#name "_f64", kernel(name##_f64)}, {#name "_f32", kernel(name##_f32)}
const std::map<std::string, std::function<void(const std::vector<Arg>&)>> kernels = {
    E(sma), E(ema), E(wma), E(dema), E(tema), E(rsi), E(macd), E(bbands), E(roc), E(mom), E(trange), E(atr), E(willr),
    E(stoch), E(adx), E(cci), E(obv), E(mfi),
    // the kernel framework's functions
    E(avgprice), E(medprice), E(typprice), E(wclprice), E(bop), E(add), E(sub), E(mult), E(div), E(acos), E(asin), E(atan), E(ceil),
    E(cos), E(cosh), E(exp), E(floor), E(ln), E(log10), E(sin), E(sinh), E(sqrt), E(tan), E(tanh), E(rocp), E(rocr), E(rocr100),
    E(sum), E(ad), E(natr), E(max), E(min), E(midpoint), E(midprice), E(var), E(stddev), E(cmo), E(trix), E(apo), E(ppo), E(adosc), E(minmax), E(linearreg), E(tsf),
    E(linearreg_slope), E(linearreg_intercept), E(linearreg_angle), E(ultosc),
    // trend.cuh
    E(plus_dm), E(minus_dm), E(plus_di), E(minus_di), E(dx), E(adxr), E(aroon), E(aroonosc), E(maxindex), E(minindex), E(minmaxindex),
    E(sar), E(sarext), E(beta), E(correl), E(imi), E(avgdev), E(accbands), E(macdfix),
    // the candlestick patterns (pattern2.cuh)
#define E_CDL(name) E(name),
    CDL_PATTERNS(E_CDL)
    // averages.cuh and cycle.cuh
    E(ma), E(mavp), E(trima), E(kama), E(t3), E(mama), E(macdext), E(stochf), E(stochrsi), E(bbands_ma), E(stoch_ma), E(apo_ma), E(ppo_ma),
    E(macdext_s), E(stochf_s), E(stochrsi_s), E(bbands_ma_s), E(stoch_ma_s), E(apo_ma_s), E(ppo_ma_s),
    E(ht_dcperiod), E(ht_phasor), E(ht_dcphase), E(ht_sine), E(ht_trendline), E(ht_trendmode),
    // a sweep's one-launch entry points (KernelCall.SETS): blockIdx.z the parameter set
#define E_SETS(name) {#name "_sets_f64", kernel(name##_sets_f64)}, {#name "_sets_f32", kernel(name##_sets_f32)}
    E_SETS(sma), E_SETS(ema), E_SETS(wma), E_SETS(dema), E_SETS(tema), E_SETS(rsi), E_SETS(roc), E_SETS(mom), E_SETS(atr), E_SETS(bbands),
    E_SETS(bbands_ma), E_SETS(bbands_ma_s)};

const uint64_t POISON = 0x7ff4deadbeef1234ULL;  // a signalling NaN no kernel writes
const uint32_t POISON32 = 0x7fa0beefU;

struct Buffer {
    bool f32 = false;
    size_t region = 0;  // elements of one region
    std::vector<double> d;
    std::vector<float> f;
    void* ptr(size_t r = 0) { return f32 ? (void*) (f.data() + r * region) : (void*) (d.data() + r * region); }
};
}  // namespace emu

int main(int argc, char** argv) {
    using namespace emu;
    if (argc != 2) {
        std::cerr << "usage: emu JOB\n";
        return 2;
    }
    std::ifstream job(argv[1]);
    int series = 0, bars = 0, groups = 0;
    std::vector<int> lens;
    std::map<std::string, Buffer> buffers;
    std::vector<std::vector<double>> scratch;
    std::string line;
    auto readFile = [](const std::string& path, void* dst, size_t bytes) {
        std::ifstream in(path, std::ios::binary);
        in.read((char*) dst, (std::streamsize) bytes);
        if (!in) throw std::runtime_error("cannot read " + std::to_string(bytes) + " bytes from " + path);
    };
    try {
        while (std::getline(job, line)) {
            std::istringstream ls(line);
            std::string cmd;
            if (!(ls >> cmd)) continue;
            if (cmd == "panel") {
                std::string f;
                ls >> series >> bars >> groups >> f;
                lens.assign((size_t) groups * LANES, 0);
                readFile(f, lens.data(), (size_t) series * 4);
            } else if (cmd == "input") {
                std::string name, f;
                ls >> name >> f;
                std::vector<double> sm((size_t) series * bars);
                readFile(f, sm.data(), sm.size() * 8);
                Buffer b;
                b.d.assign((size_t) groups * bars * LANES, __longlong_as_double(0x7ff8000000000000LL));
                for (int s = 0; s < series; s++)
                    for (int t = 0; t < bars; t++) b.d[((size_t) (s / LANES) * bars + t) * LANES + s % LANES] = sm[(size_t) s * bars + t];
                buffers[name] = std::move(b);
            } else if (cmd == "output") {
                std::string name, type;
                size_t regions = 1;
                ls >> name >> type;
                if (!(ls >> regions)) regions = 1;
                Buffer b;
                b.f32 = type == "f32";
                b.region = (size_t) groups * bars * LANES;
                size_t n = b.region * regions;
                if (b.f32) {
                    float p;
                    std::memcpy(&p, &POISON32, 4);
                    b.f.assign(n, p);
                } else {
                    double p;
                    std::memcpy(&p, &POISON, 8);
                    b.d.assign(n, p);
                }
                buffers[name] = std::move(b);
            } else if (cmd == "launch" || cmd == "launchz") {
                std::string entry, a;
                unsigned gx, gy, gz = 1;
                size_t shared;
                ls >> entry >> gx >> gy;
                if (cmd == "launchz") ls >> gz;
                ls >> shared;
                std::vector<Arg> args;
                while (ls >> a) {
                    Arg arg;
                    if (a.rfind("in:", 0) == 0 || a.rfind("out:", 0) == 0) {
                        std::string ref = a.substr(a.find(':') + 1);
                        size_t at = ref.find('@'), region = at == std::string::npos ? 0 : std::stoull(ref.substr(at + 1));
                        auto it = buffers.find(ref.substr(0, at));
                        if (it == buffers.end()) throw std::runtime_error("no buffer " + a);
                        arg.p = it->second.ptr(region);
                    } else if (a == "lens") {
                        arg.p = lens.data();
                    } else if (a.rfind("int:", 0) == 0 || a.rfind("long:", 0) == 0) {
                        arg.i = std::stoll(a.substr(a.find(':') + 1));
                    } else if (a.rfind("ints:", 0) == 0 || a.rfind("doubles:", 0) == 0) {
                        // a parameter table: kept until the job ends, as doubles' storage (ints packed at its start)
                        bool ints = a[0] == 'i';
                        std::istringstream vs(a.substr(a.find(':') + 1));
                        std::vector<double> table;
                        std::vector<int> packed;
                        for (std::string v; std::getline(vs, v, ',');) {
                            if (ints) packed.push_back(std::stoi(v));
                            else table.push_back(std::stod(v));
                        }
                        if (ints) {
                            table.assign(packed.size() / 2 + 1, 0.0);
                            std::memcpy(table.data(), packed.data(), packed.size() * sizeof(int));
                        }
                        scratch.push_back(std::move(table));
                        arg.p = scratch.back().data();
                    } else if (a.rfind("double:", 0) == 0) {
                        arg.d = std::stod(a.substr(7));
                    } else if (a == "null") {
                        arg.p = nullptr;
                    } else if (a.rfind("scratch:", 0) == 0) {
                        scratch.emplace_back((size_t) groups * LANES * std::stoll(a.substr(8)), std::nan(""));
                        arg.p = scratch.back().data();
                    } else {
                        throw std::runtime_error("bad argument " + a);
                    }
                    args.push_back(arg);
                }
                auto k = kernels.find(entry);
                if (k == kernels.end()) throw std::runtime_error("no kernel " + entry);
                if (gx != (unsigned) groups) throw std::runtime_error("grid x must be the group count");
                std::vector<double> dyn(shared / 8 + 1, std::nan(""));
                gridDim = {gx, gy, gz};
                for (unsigned z = 0; z < gz; z++) {
                    for (unsigned y = 0; y < gy; y++) {
                        for (unsigned x = 0; x < gx; x++) {
                            blockIdx = {x, y, z};
                            std::fill(dyn.begin(), dyn.end(), std::nan(""));
                            dynamicShared = shared > 0 ? dyn.data() : nullptr;  // a kernel using memory it was not given crashes
                            for (int l = 0; l < LANES; l++) {
                                threadIdx = {(unsigned) l, 0, 0};
                                k->second(args);
                            }
                        }
                    }
                }
            } else if (cmd == "write") {
                std::string name, f;
                size_t region = 0;
                ls >> name >> f;
                if (!(ls >> region)) region = 0;
                Buffer& b = buffers.at(name);
                std::vector<double> sm((size_t) series * bars);
                for (int s = 0; s < series; s++) {
                    for (int t = 0; t < bars; t++) {
                        size_t i = region * b.region + ((size_t) (s / LANES) * bars + t) * LANES + s % LANES;
                        bool unwritten;
                        double v;
                        if (b.f32) {
                            uint32_t bits;
                            std::memcpy(&bits, &b.f[i], 4);
                            unwritten = bits == POISON32;
                            v = b.f[i];
                        } else {
                            uint64_t bits;
                            std::memcpy(&bits, &b.d[i], 8);
                            unwritten = bits == POISON;
                            v = b.d[i];
                        }
                        if (unwritten) {
                            std::cerr << "output " << name << ": series " << s << " bar " << t << " was never written\n";
                            return 3;
                        }
                        sm[(size_t) s * bars + t] = v;
                    }
                }
                std::ofstream out(f, std::ios::binary);
                out.write((const char*) sm.data(), (std::streamsize) (sm.size() * 8));
            } else {
                throw std::runtime_error("unknown command " + cmd);
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "emu: " << e.what() << " (line: " << line << ")\n";
        return 1;
    }
    return 0;
}
