#!/usr/bin/python3
"""The PyTorch autograd peer of the generated gradients: value + ∂H/∂x at batch 1, on one thread.

Builds each network dumped by the benchmark project in PyTorch (float64 for double networks, float32 for float ones),
checks it against the exact polynomial, then times value + gradient through torch.autograd and value alone. Never run
in CI; needs PyTorch and SymPy (Debian: apt-get install python3-torch python3-sympy, which installs into /usr/bin/python3).

From the repository root:
  dotnet run -c Release --project benchmarks/PolyNet.Benchmarks -- --dump-networks BenchmarkDotNet.Artifacts/networks
  /usr/bin/python3 benchmarks/PolyNet.Benchmarks/tools/torch_autograd.py BenchmarkDotNet.Artifacts/networks [--out torch-autograd.md]

Each network is evaluated layer by layer: the neurons of one layer as one dense matrix over the concatenation
[inputs, neurons of earlier layers] (synapses skip layers), plus bias, through torch.sigmoid; then
output = outputBias + output weights · values. The checks print the largest differences from the exact polynomial
(value) and from a central finite difference of it (gradient) at random points inside the bounds; sigmoids evaluated
one by one lose digits to cancellation, so differences far above machine epsilon are expected there.
"""
import argparse
import datetime
import glob
import json
import os
import random
import statistics
import time

import sympy
import torch
from sympy.parsing.sympy_parser import convert_xor, parse_expr, standard_transformations

CHECK_POINTS, SEED = 16, 20240611
REPETITIONS, CALLS = 5, 10_000
FINITE_DIFFERENCE_STEP = 1e-5


class LayeredNetwork(torch.nn.Module):
    """One dumped network, one dense matrix per layer; the weights are plain tensors (no parameters), so autograd
    records and differentiates by x only."""

    def __init__(self, description, dtype):
        super().__init__()
        inputs, neurons = len(description["inputs"]), description["neurons"]
        # Neurons are listed gate by gate, so layers may interleave; sort them by layer (stably) and renumber the
        # sources, so that each layer reads a prefix of the value vector.
        order = sorted(range(len(neurons)), key=lambda i: neurons[i]["layer"])
        position = list(range(inputs)) + [0] * len(neurons)
        for new, old in enumerate(order):
            position[inputs + old] = inputs + new
        self.layer_count = max((neuron["layer"] for neuron in neurons), default=0)
        self.layers, width = [], inputs
        for layer in range(1, self.layer_count + 1):
            members = [neurons[i] for i in order if neurons[i]["layer"] == layer]
            weight = torch.zeros(len(members), width, dtype=torch.float64)
            for row, neuron in enumerate(members):
                for source, value in neuron["synapses"]:
                    weight[row, position[source]] = value
            bias = torch.tensor([neuron["bias"] for neuron in members], dtype=torch.float64)
            self.layers.append((weight.to(dtype), bias.to(dtype)))
            width += len(members)
        output = torch.zeros(width, dtype=torch.float64)
        for source, value in description["output"]:
            output[position[source]] = value
        self.output = output.to(dtype)
        self.output_bias = torch.tensor(description["outputBias"], dtype=dtype)

    def forward(self, x):
        values = x
        for weight, bias in self.layers:
            values = torch.cat((values, torch.sigmoid(torch.addmv(bias, weight, values))))
        return self.output_bias + torch.dot(self.output, values)


def exact_polynomial(description):
    """The polynomial and its variables, from the dumped polynomial string ('^' is a power)."""
    symbols = {name: sympy.Symbol(name) for name in description["inputs"]}
    expression = parse_expr(description["polynomial"], local_dict=symbols, transformations=standard_transformations + (convert_xor,))
    variables = [symbols[name] for name in description["inputs"]]
    return sympy.lambdify(variables, expression, "math"), len(variables)


def random_points(description, dtype, rng):
    bounds = description["inputBounds"]
    points = [[rng.uniform(-bound, bound) for bound in bounds] for _ in range(CHECK_POINTS)]
    # Round to the network's precision first, so torch and the polynomial see the same point.
    return [torch.tensor(point, dtype=dtype).tolist() for point in points]


def check(model, description, dtype, rng):
    """The largest |network − polynomial| and |autograd gradient − central difference of the polynomial|."""
    polynomial, count = exact_polynomial(description)
    value_difference = gradient_difference = 0.0
    for point in random_points(description, dtype, rng):
        x = torch.tensor(point, dtype=dtype, requires_grad=True)
        y = model(x)
        (gradient,) = torch.autograd.grad(y, x)
        value_difference = max(value_difference, abs(y.item() - polynomial(*point)))
        for i in range(count):
            up, down = list(point), list(point)
            up[i] += FINITE_DIFFERENCE_STEP
            down[i] -= FINITE_DIFFERENCE_STEP
            derivative = (polynomial(*up) - polynomial(*down)) / (2 * FINITE_DIFFERENCE_STEP)
            gradient_difference = max(gradient_difference, abs(gradient[i].item() - derivative))
    return value_difference, gradient_difference


def median_ns_per_call(call, point):
    for _ in range(CALLS // 10):
        call(point)
    samples = []
    for _ in range(REPETITIONS):
        start = time.perf_counter_ns()
        for _ in range(CALLS):
            call(point)
        samples.append((time.perf_counter_ns() - start) / CALLS)
    return statistics.median(samples)


def timings(model, description, dtype, rng):
    point = random_points(description, dtype, rng)[0]

    def value_and_gradient(p):
        x = torch.tensor(p, dtype=dtype, requires_grad=True)
        y = model(x)
        (g,) = torch.autograd.grad(y, x)
        return y, g

    def value(p):
        with torch.no_grad():
            return model(torch.tensor(p, dtype=dtype))

    return median_ns_per_call(value, point), median_ns_per_call(value_and_gradient, point)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", help="the directory --dump-networks wrote")
    parser.add_argument("--out", help="also write the markdown table to this file")
    arguments = parser.parse_args()

    torch.set_num_threads(1)
    rng = random.Random(SEED)
    load_before = os.getloadavg()
    started = datetime.datetime.now(datetime.timezone.utc)
    rows = []
    for path in sorted(glob.glob(os.path.join(arguments.directory, "*.json"))):
        with open(path, encoding="utf-8") as file:
            description = json.load(file)
        dtype = torch.float64 if description["precision"] == "double" else torch.float32
        model = LayeredNetwork(description, dtype)
        value_difference, gradient_difference = check(model, description, dtype, rng)
        print(f"{description['name']}: max |value − polynomial| {value_difference:.3g} (maxError {description['maxError']:.3g}), "
              f"max |autograd − finite difference| {gradient_difference:.3g}", flush=True)
        value_ns, gradient_ns = timings(model, description, dtype, rng)
        rows.append(f"| {description['name']} | {len(description['neurons'])} | {model.layer_count} | {value_ns:.0f} | {gradient_ns:.0f} |")

    load_after = os.getloadavg()
    report = "\n".join([
        f"{started:%Y-%m-%d %H:%M} UTC, PyTorch {torch.__version__}, {torch.get_num_threads()} thread, batch 1, "
        f"median of {REPETITIONS} × {CALLS} calls; load average {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f} before, "
        f"{load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f} after",
        "",
        "| network | neurons | layers | torch value ns | torch value+grad ns |",
        "| --- | --- | --- | --- | --- |",
        *rows,
    ])
    print()
    print(report)
    if arguments.out:
        with open(arguments.out, "w", encoding="utf-8") as file:
            file.write(report + "\n")


if __name__ == "__main__":
    main()
