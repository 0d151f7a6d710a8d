# lit configuration for fgcc's tests.
#
# Run through ctest (`ctest --test-dir build --output-on-failure`), or by hand:
#   python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv --param fgcc_bin_dir=build test
# The built fgcc is found from the lit parameter `fgcc_bin_dir`, else the
# environment variable FGCC_BIN_DIR, else <source>/build.
#
# Substitutions:
#   %fgcc    the built compiler
#   %cc      clang-19 in strict C11 with warnings as errors, fgcc.h and
#            test/exec (fgcheck.h) on the include path
#   %gcc     the same with gcc
#   %libm    -lm
#   %blas    -lopenblas (feature `cblas` when its cblas.h is installed)
#   %python  the Python running lit
# With --param sanitize=1 (or FGCC_SANITIZE=1 in the environment, as the
# sanitizer build's ctest sets it), %cc and %gcc add
# -fsanitize=address,undefined -fno-sanitize-recover=all.
# FileCheck and not come from the LLVM 19 tools directory.
import os
import shutil

import lit.formats

config.name = "fgcc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".test"]
config.excludes = ["Inputs", "lit.cfg.py"]

src_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
config.test_source_root = os.path.dirname(os.path.abspath(__file__))


def param(name, env, default):
    value = lit_config.params.get(name) or os.environ.get(env)
    return os.path.abspath(value) if value else default


fgcc_bin_dir = param("fgcc_bin_dir", "FGCC_BIN_DIR", os.path.join(src_root, "build"))
llvm_bin_dir = param("llvm_bin_dir", "FGCC_LLVM_BIN_DIR", "/usr/lib/llvm-19/bin")

# Outputs (%t) go under the build directory, never into the source tree.
config.test_exec_root = os.path.join(fgcc_bin_dir, "test-output")

fgcc = os.path.join(fgcc_bin_dir, "fgcc")
if not os.path.exists(fgcc):
    lit_config.fatal("fgcc not found at %s (build it, or pass --param fgcc_bin_dir=DIR)" % fgcc)

clang = shutil.which("clang-19") or os.path.join(llvm_bin_dir, "clang")
gcc = shutil.which("gcc") or "gcc"
strict = "-std=c11 -Wall -Wextra -pedantic -Werror -I%s -I%s" % (
    os.path.join(src_root, "runtime", "include"),
    os.path.join(src_root, "test", "exec"),
)

# Sanitizer build (scripts/test-sanitize.sh): the code fgcc emits is compiled
# and run with the sanitizers fgcc itself was built with.
sanitize = lit_config.params.get("sanitize", os.environ.get("FGCC_SANITIZE", "0"))
if sanitize not in ("", "0", "OFF", "off"):
    strict += " -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
    config.available_features.add("sanitize")

config.substitutions.append(("%fgcc", fgcc))
config.substitutions.append(("%cc", "%s %s" % (clang, strict)))
config.substitutions.append(("%gcc", "%s %s" % (gcc, strict)))
config.substitutions.append(("%libm", "-lm"))
# %blas: the CBLAS the BLAS rules are tested with (Debian's libopenblas-dev,
# which scripts/setup.sh installs); tests needing it say REQUIRES: cblas.
config.substitutions.append(("%blas", "-lopenblas"))
if os.path.exists("/usr/include/x86_64-linux-gnu/openblas-pthread/cblas.h") or os.path.exists("/usr/include/cblas.h"):
    config.available_features.add("cblas")
config.substitutions.append(("%python", shutil.which("python3") or "python3"))

# FileCheck, not (and clang) first on the PATH of every RUN line.
config.environment["PATH"] = os.pathsep.join([llvm_bin_dir, os.environ.get("PATH", "")])
for var in ("HOME", "TMPDIR", "LANG", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "ASAN_SYMBOLIZER_PATH"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
