using System;
using System.Globalization;
using System.Linq;
using System.Runtime.Intrinsics;
using PolyNet;

// Checks every generated batch overload against its scalar method and the exact polynomial, for lengths
// 0..70 and unaligned slices, on whichever SIMD path this process's hardware settings select; likewise every
// gradient batch (Gradient = true) against the scalar gradient, the interpreter's backward pass and MaxGradientError.
// Prints "path=<512|256|128|scalar>" and one line per Hamiltonian; exits 1 on any failure.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string path = Vector512.IsHardwareAccelerated ? "512" : Vector256.IsHardwareAccelerated ? "256" : Vector128.IsHardwareAccelerated ? "128" : "scalar";
Console.WriteLine($"path={path}");
int failures = 0;
failures += Check("x*y + 3*x*y*z (double)", Probe.EnergyNetwork, 3, true, (a, n) => Run(n, d => Probe.Energy(a[0], a[1], a[2], d)), p => Probe.Energy(p[0], p[1], p[2]));
failures += Check("x*y + 3*x*y*z (float)", Probe.EnergyFNetwork, 3, false, (a, n) => RunF(n, d => Probe.EnergyF(F(a[0]), F(a[1]), F(a[2]), d)), p => Probe.EnergyF((float)p[0], (float)p[1], (float)p[2]));
failures += Check("a*b*c*d*e*f*g*h (double)", Probe.Product8Network, 8, true, (a, n) => Run(n, d => Probe.Product8(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], d)), p => Probe.Product8(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]));
failures += Check("anharmonic (double)", Probe.OscillatorNetwork, 3, true, (a, n) => Run(n, d => Probe.Oscillator(a[0], a[1], a[2], d)), p => Probe.Oscillator(p[0], p[1], p[2]));
failures += Check("anharmonic (float)", Probe.OscillatorFNetwork, 3, false, (a, n) => RunF(n, d => Probe.OscillatorF(F(a[0]), F(a[1]), F(a[2]), d)), p => Probe.OscillatorF((float)p[0], (float)p[1], (float)p[2]));
failures += Check("Ising ring + bits (double, int spins)", Probe.IsingNetwork, 5, true, (a, n) => Run(n, d => Probe.Ising(Ints(a[0]), Ints(a[1]), Ints(a[2]), Ints(a[3]), Bits(a[4]), d)), p => Probe.Ising((int)p[0], (int)p[1], (int)p[2], (int)p[3], p[4] == 1));
failures += Check("Ising ring + bits (float, sbyte spins)", Probe.IsingFNetwork, 5, false, (a, n) => RunF(n, d => Probe.IsingF(Bytes(a[0]), Bytes(a[1]), Bytes(a[2]), Bytes(a[3]), Bits(a[4]), d)), p => Probe.IsingF((sbyte)p[0], (sbyte)p[1], (sbyte)p[2], (sbyte)p[3], p[4] == 1));
failures += Check("mixed x*s*b + 0.5*y*b - x*y*s (double)", Probe.MixedNetwork, 4, true, (a, n) => Run(n, d => Probe.Mixed(a[0], a[1], Ints(a[2]), Bits(a[3]), d)), p => Probe.Mixed(p[0], p[1], (int)p[2], p[3] == 1));
failures += Check("table-run (x+y+z)^8 (double)", Probe.TableNetwork, 3, true, (a, n) => Run(n, d => Probe.Table(a[0], a[1], a[2], d)), p => Probe.Table(p[0], p[1], p[2]));
failures += Check("table-run (x+y+z)^8 (float)", Probe.TableFNetwork, 3, false, (a, n) => RunF(n, d => Probe.TableF(F(a[0]), F(a[1]), F(a[2]), d)), p => Probe.TableF((float)p[0], (float)p[1], (float)p[2]));
failures += Check("flat a*b*c*d in one layer (double)", Probe.FlatNetwork, 4, true, (a, n) => Run(n, d => Probe.Flat(a[0], a[1], a[2], a[3], d)), p => Probe.Flat(p[0], p[1], p[2], p[3]));

// Far outside the bounds, at the edges of double, and at ±∞ and NaN, mixed into vectors with inputs inside.
failures += Edges("x*y + 3*x*y*z (double)", Probe.EnergyNetwork, true, (a, n) => Run(n, d => Probe.Energy(a[0], a[1], a[2], d)), p => Probe.Energy(p[0], p[1], p[2]));
failures += Edges("x*y + 3*x*y*z (float)", Probe.EnergyFNetwork, false, (a, n) => RunF(n, d => Probe.EnergyF(F(a[0]), F(a[1]), F(a[2]), d)), p => Probe.EnergyF((float)p[0], (float)p[1], (float)p[2]));
failures += Edges("a*b*c*d*e*f*g*h (double)", Probe.Product8Network, true, (a, n) => Run(n, d => Probe.Product8(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], d)), p => Probe.Product8(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]));
failures += Edges("anharmonic (double)", Probe.OscillatorNetwork, true, (a, n) => Run(n, d => Probe.Oscillator(a[0], a[1], a[2], d)), p => Probe.Oscillator(p[0], p[1], p[2]));
failures += Edges("anharmonic (float)", Probe.OscillatorFNetwork, false, (a, n) => RunF(n, d => Probe.OscillatorF(F(a[0]), F(a[1]), F(a[2]), d)), p => Probe.OscillatorF((float)p[0], (float)p[1], (float)p[2]));
failures += Edges("mixed (double)", Probe.MixedNetwork, true, (a, n) => Run(n, d => Probe.Mixed(a[0], a[1], Ints(a[2]), Bits(a[3]), d)), p => Probe.Mixed(p[0], p[1], (int)p[2], p[3] == 1));
failures += Edges("table-run (x+y+z)^8 (double)", Probe.TableNetwork, true, (a, n) => Run(n, d => Probe.Table(a[0], a[1], a[2], d)), p => Probe.Table(p[0], p[1], p[2]));
failures += Edges("flat a*b*c*d in one layer (double)", Probe.FlatNetwork, true, (a, n) => Run(n, d => Probe.Flat(a[0], a[1], a[2], a[3], d)), p => Probe.Flat(p[0], p[1], p[2], p[3]), flat: true);

// Gradient batches (one destination per derivative) against the scalar gradient, element by element, for lengths 0..70
// and unaligned slices, with inputs outside their bounds (10×, 10³×, 10⁶×, ±∞, NaN) in some batches; the scalar
// gradient against the interpreter's backward pass, and inside the bounds the batch within MaxGradientError of exact.
failures += Gradients("x*y + 3*x*y*z (double)", Probe.EnergyNetwork, true, (a, e, d) => Probe.EnergyGradient(a[0], a[1], a[2], e, d[0], d[1], d[2]), (p, g) => Probe.EnergyGradient(p[0], p[1], p[2], g));
failures += GradientsF("x*y + 3*x*y*z (float)", Probe.EnergyFNetwork, (a, e, d) => Probe.EnergyFGradient(a[0], a[1], a[2], e, d[0], d[1], d[2]), (p, g) => Probe.EnergyFGradient(p[0], p[1], p[2], g));
failures += Gradients("a*b*c*d*e*f*g*h (double)", Probe.Product8Network, true, (a, e, d) => Probe.Product8Gradient(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], e, d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]), (p, g) => Probe.Product8Gradient(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], g));
failures += Gradients("anharmonic (double)", Probe.OscillatorNetwork, true, (a, e, d) => Probe.OscillatorGradient(a[0], a[1], a[2], e, d[0], d[1], d[2]), (p, g) => Probe.OscillatorGradient(p[0], p[1], p[2], g));
failures += GradientsF("anharmonic (float)", Probe.OscillatorFNetwork, (a, e, d) => Probe.OscillatorFGradient(a[0], a[1], a[2], e, d[0], d[1], d[2]), (p, g) => Probe.OscillatorFGradient(p[0], p[1], p[2], g));
failures += Gradients("mixed (double)", Probe.MixedNetwork, true, (a, e, d) => Probe.MixedGradient(a[0], a[1], Ints(a[2]), Bits(a[3]), e, d[0], d[1]), (p, g) => Probe.MixedGradient(p[0], p[1], (int)p[2], p[3] == 1, g));
failures += Gradients("table-run (x+y+z)^8 (double)", Probe.TableNetwork, true, (a, e, d) => Probe.TableGradient(a[0], a[1], a[2], e, d[0], d[1], d[2]), (p, g) => Probe.TableGradient(p[0], p[1], p[2], g));
failures += GradientsF("table-run (x+y+z)^8 (float)", Probe.TableFNetwork, (a, e, d) => Probe.TableFGradient(a[0], a[1], a[2], e, d[0], d[1], d[2]), (p, g) => Probe.TableFGradient(p[0], p[1], p[2], g));
failures += Gradients("flat a*b*c*d in one layer (double)", Probe.FlatNetwork, true, (a, e, d) => Probe.FlatGradient(a[0], a[1], a[2], a[3], e, d[0], d[1], d[2], d[3]), (p, g) => Probe.FlatGradient(p[0], p[1], p[2], p[3], g));
failures += CheckBounds();
failures += Lattices();
failures += Classifiers();
Console.WriteLine(failures == 0 ? "ok" : $"{failures} failures");
return failures == 0 ? 0 : 1;

static float[] F(double[] values) => values.Select(v => (float)v).ToArray();

static int[] Ints(double[] values) => values.Select(v => (int)v).ToArray();

static sbyte[] Bytes(double[] values) => values.Select(v => (sbyte)v).ToArray();

static bool[] Bits(double[] values) => values.Select(v => v == 1).ToArray();

static double[] Run(int length, Action<double[]> batch)
{
    var destination = new double[length];
    batch(destination);
    return destination;
}

static double[] RunF(int length, Action<float[]> batch)
{
    var destination = new float[length];
    batch(destination);
    return destination.Select(v => (double)v).ToArray();
}

static int Check(string name, SigmoidNetwork network, int inputs, bool isDouble, Func<double[][], int, double[]> batch, Func<double[], double> scalar)
{
    double scale = network.EvaluatePolynomial(Enumerable.Repeat(network.InputBound, inputs).ToArray());
    scale = Math.Max(Math.Abs(scale), 1);
    // Flat products cancel ~λ^degree out of their pair terms, so their rounding is as large as a tenth of MaxError.
    double tolerance = Math.Max((isDouble ? 1e-10 : 1e-4) * scale, network.HiddenLayers == 1 && isDouble ? network.MaxError / 10 : 0);
    var random = new Random(42);
    double worstParity = 0, worstExact = 0;
    int failures = 0;
    for (int length = 0; length <= 70; length++)
    {
        foreach (int offset in new[] { 0, 1, 3 })
        {
            var columns = Enumerable.Range(0, inputs).Select(v => Enumerable.Range(0, length + offset).Select(_ => Sample(network.InputKinds[v], network.InputBound, random)).Select(v => isDouble ? v : (float)v).ToArray()).ToArray();
            var sliced = columns.Select(c => c.Skip(offset).ToArray()).ToArray();
            var destination = batch(sliced, length);
            for (int i = 0; i < length; i++)
            {
                var point = sliced.Select(c => c[i]).ToArray();
                double parity = Math.Abs(destination[i] - scalar(point));
                double exact = Math.Abs(destination[i] - network.EvaluatePolynomial(point));
                worstParity = Math.Max(worstParity, parity);
                worstExact = Math.Max(worstExact, exact);
                if (parity > tolerance || exact > network.MaxError * 1.0000001 + (isDouble ? 1e-15 : 1e-7) * scale)
                {
                    failures++;
                }
            }
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: |batch - scalar| <= {worstParity:E2} (limit {tolerance:E1}), |batch - exact| <= {worstExact:E2} (MaxError {network.MaxError:E2}){(failures > 0 ? $", {failures} FAILURES" : string.Empty)}"));
    return failures;
}

// Batch = scalar for every element, and scalar = the reference interpreter (≤ 1e-9 relative to max(1, |value|) in
// double; float networks against their own weights in double, ≤ 1e-4 relative); NaN in gives NaN out.
// A flat product far outside its bounds is ill-conditioned: its pairs are of order 1 and cancel to the product's
// value ~λ^degree times smaller, so any two double evaluations differ by ~10⁻¹⁶/λ^degree (≤ 1e-6 relative here).
static int Edges(string name, SigmoidNetwork network, bool isDouble, Func<double[][], int, double[]> batch, Func<double[], double> scalar, bool flat = false)
{
    double interpreterTolerance = flat ? 1e-6 : isDouble ? 1e-9 : 1e-4;
    const int Length = 203;
    var random = new Random(7);
    int inputs = network.Inputs.Count, failures = 0;
    double worstBatch = 0, worstInterpreter = 0;
    var columns = Enumerable.Range(0, inputs).Select(v => new double[Length]).ToArray();
    for (int i = 0; i < Length; i++)
    {
        for (int v = 0; v < inputs; v++)
        {
            double value = network.InputKinds[v] == InputKind.Continuous && random.Next(3) > 0
                ? Edge(network.InputBounds[v], isDouble, random)
                : Sample(network.InputKinds[v], network.InputBounds[v], random);
            columns[v][i] = isDouble ? value : (float)value;
        }
    }

    var destination = batch(columns, Length);
    for (int i = 0; i < Length; i++)
    {
        var point = columns.Select(c => c[i]).ToArray();
        double value = scalar(point), reference = network.Evaluate(point);
        bool nanIn = point.Any(double.IsNaN);
        bool sameNaN = double.IsNaN(value) && double.IsNaN(destination[i]);
        double batchDifference = sameNaN ? 0 : Math.Abs(destination[i] - value) / Math.Max(1, Math.Abs(value));
        double interpreterDifference = double.IsNaN(value) && double.IsNaN(reference) ? 0
            : value == reference ? 0 : Math.Abs(value - reference) / Math.Max(1, Math.Abs(reference));
        worstBatch = Math.Max(worstBatch, double.IsNaN(batchDifference) ? double.PositiveInfinity : batchDifference);
        worstInterpreter = Math.Max(worstInterpreter, double.IsNaN(interpreterDifference) ? double.PositiveInfinity : interpreterDifference);
        bool finiteIn = point.All(double.IsFinite);
        if (!(batchDifference <= (isDouble ? 1e-10 : 1e-4))
            || !(interpreterDifference <= interpreterTolerance)
            || (nanIn && !double.IsNaN(value))
            || (finiteIn && !double.IsFinite(value) && double.IsFinite(reference)))
        {
            failures++;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name} at ({string.Join(", ", point)}): scalar {value:R}, batch {destination[i]:R}, interpreter {reference:R}"));
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} at the edges: |batch - scalar| <= {worstBatch:E2}, |scalar - interpreter| <= {worstInterpreter:E2} (relative to max(1, |value|)){(failures > 0 ? $", {failures} FAILURES" : string.Empty)}"));
    return failures;
}

// The float overloads through double arrays: columns and destinations converted on the way in and out.
static int GradientsF(string name, SigmoidNetwork network, GradientBatchF batch, Func<float[], float[], float> scalar) =>
    Gradients(name, network, false,
        (a, e, d) =>
        {
            var energy = new float[e.Length];
            var derivatives = d.Select(x => new float[x.Length]).ToArray();
            batch(a.Select(F).ToArray(), energy, derivatives);
            energy.Select(v => (double)v).ToArray().CopyTo(e, 0);
            for (int j = 0; j < d.Length; j++)
            {
                derivatives[j].Select(v => (double)v).ToArray().CopyTo(d[j], 0);
            }
        },
        (p, g) =>
        {
            var single = new float[g.Length];
            double value = scalar(F(p), single);
            single.Select(v => (double)v).ToArray().CopyTo(g, 0);
            return value;
        });

// Batch = scalar element by element (relative to max(gradient scale, |∂|): 1e-10 deep double, 1e-9 flat, whose pair terms
// cancel λ^degree, 1e-5 float); scalar = the interpreter's backward pass inside the bounds (the same tolerances); and
// inside the bounds every batch derivative within MaxGradientError of the polynomial's, evaluated in double from the
// network's terms (its own rounding ~1e-15 of the scale, far below the bound).
static int Gradients(string name, SigmoidNetwork network, bool isDouble, GradientBatch batch, Func<double[], double[], double> scalar)
{
    int inputs = network.Inputs.Count;
    var continuous = Enumerable.Range(0, inputs).Where(v => network.InputKinds[v] == InputKind.Continuous).ToArray();
    var terms = Terms(network);
    double scale = continuous.Max(v => terms.Sum(t => t.Exponents[v] == 0 ? 0 : Math.Abs(t.Coefficient) * t.Exponents[v]
        * Enumerable.Range(0, inputs).Aggregate(1.0, (p, u) => p * Math.Pow(network.InputBounds[u], t.Exponents[u] - (u == v ? 1 : 0)))));
    double valueScale = terms.Sum(t => Math.Abs(t.Coefficient) * Enumerable.Range(0, inputs).Aggregate(1.0, (p, u) => p * Math.Pow(network.InputBounds[u], t.Exponents[u])));
    double tolerance = !isDouble ? 1e-5 : network.HiddenLayers == 1 ? 1e-9 : 1e-10;
    var random = new Random(5);
    int failures = 0;
    double worstParity = 0, worstInterpreter = 0, worstExact = 0;
    for (int length = 0; length <= 70; length++)
    {
        foreach (int offset in new[] { 0, 1, 3 })
        {
            bool outside = (length + offset) % 5 == 2;
            var columns = Enumerable.Range(0, inputs).Select(v => Enumerable.Range(0, length + offset).Select(_ =>
            {
                double value = outside && network.InputKinds[v] == InputKind.Continuous && random.Next(6) == 0
                    ? Edge(network.InputBounds[v], isDouble, random)
                    : Sample(network.InputKinds[v], network.InputBounds[v], random);
                return isDouble ? value : (float)value;
            }).ToArray()).ToArray();
            var sliced = columns.Select(c => new ArraySegment<double>(c, offset, length).ToArray()).ToArray();
            var energy = new double[length];
            var derivatives = continuous.Select(_ => new double[length]).ToArray();
            batch(sliced, energy, derivatives);
            for (int i = 0; i < length; i++)
            {
                var point = sliced.Select(c => c[i]).ToArray();
                var gradient = new double[continuous.Length];
                double value = scalar(point, gradient);
                bool inside = point.Select((x, v) => Math.Abs(x) <= network.InputBounds[v]).All(b => b);
                var interpreted = new double[continuous.Length];
                network.EvaluateGradient(point, interpreted);
                bool bad = !Same(energy[i], value, tolerance * Math.Max(valueScale, Math.Abs(value)));
                for (int j = 0; j < continuous.Length; j++)
                {
                    double parity = Math.Abs(derivatives[j][i] - gradient[j]) / Math.Max(scale, Math.Abs(gradient[j]));
                    worstParity = Math.Max(worstParity, double.IsNaN(parity) ? 0 : parity);
                    bad |= !Same(derivatives[j][i], gradient[j], tolerance * Math.Max(scale, Math.Abs(gradient[j])));
                    if (inside)
                    {
                        double exact = Derivative(terms, point, continuous[j]);
                        double error = Math.Abs(derivatives[j][i] - exact);
                        double interpreter = Math.Abs(gradient[j] - interpreted[j]) / scale;
                        worstExact = Math.Max(worstExact, error);
                        worstInterpreter = Math.Max(worstInterpreter, interpreter);
                        bad |= !(error <= (network.MaxGradientError * 1.0000001) + ((isDouble ? 1e-15 : 1e-7) * scale)) || !(interpreter <= tolerance);
                    }
                }

                if (bad)
                {
                    failures++;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  gradient {name} at ({string.Join(", ", point)}): batch {energy[i]:R} ({string.Join(", ", derivatives.Select(d => d[i].ToString("R", CultureInfo.InvariantCulture)))}), scalar {value:R} ({string.Join(", ", gradient)}), interpreter ({string.Join(", ", interpreted)})"));
                }
            }
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gradient {name}: |batch - scalar| <= {worstParity:E2} of max(scale, |d|) (limit {tolerance:E0}), |scalar - interpreter| <= {worstInterpreter:E2} of scale, |batch - exact| <= {worstExact:E2} (MaxGradientError {network.MaxGradientError:E2}){(failures > 0 ? $", {failures} FAILURES" : string.Empty)}"));
    return failures;
}

// Equal within tolerance, or both NaN.
static bool Same(double a, double b, double tolerance) => (double.IsNaN(a) && double.IsNaN(b)) || a == b || Math.Abs(a - b) <= tolerance;

// The network's polynomial as (coefficient, exponents) terms, read from its definition's Terms ("c e1 e2 ...; ...").
static (double Coefficient, int[] Exponents)[] Terms(SigmoidNetwork network) =>
    network.Definition.Terms.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(term =>
    {
        var parts = term.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), parts.Skip(1).Select(e => int.Parse(e, CultureInfo.InvariantCulture)).ToArray());
    }).ToArray();

// ∂/∂x_v of the polynomial at the point, in double.
static double Derivative((double Coefficient, int[] Exponents)[] terms, double[] point, int v) =>
    terms.Where(t => t.Exponents[v] > 0).Sum(t => t.Coefficient * t.Exponents[v]
        * Enumerable.Range(0, point.Length).Aggregate(1.0, (p, u) => p * Math.Pow(point[u], t.Exponents[u] - (u == v ? 1 : 0))));

// 10×, 10³× and 10⁶× the bound, near ±MaxValue, ±∞ and NaN.
static double Edge(double bound, bool isDouble, Random random)
{
    double sign = random.Next(2) == 0 ? -1 : 1, max = isDouble ? double.MaxValue : float.MaxValue;
    return random.Next(8) switch
    {
        0 => sign * bound * 10 * random.NextDouble(),
        1 => sign * bound * 1e3 * random.NextDouble(),
        2 => sign * bound * 1e6 * random.NextDouble(),
        3 => sign * max * (0.5 + (0.5 * random.NextDouble())),
        4 => sign * double.PositiveInfinity,
        5 => double.NaN,
        _ => sign * bound * (1 + random.NextDouble()),
    };
}

// Lattice sweeps (whole vectors of sites along the innermost extent, boundary sites one at a time) against the
// unrolled network evaluated neuron by neuron, for every width of the innermost extent up to 40, with and without
// reads outside their bounds (those vectors take the scalar pass).
static int Lattices()
{
    var random = new Random(7);
    int failures = 0;
    double worst = 0;
    for (int columns = 1; columns <= 40; columns++)
    {
        int rows = 1 + (columns % 4);
        var spins = Enumerable.Range(0, rows * columns).Select(_ => (sbyte)((random.Next(2) * 2) - 1)).ToArray();
        var spinInputs = spins.Select(v => (double)v).ToArray();
        var ising = Probe.LatticeIsingNetwork(rows, columns);
        double isingReference = ising.Evaluate(spinInputs);
        failures += Near($"Ising {rows}x{columns} (double)", Probe.LatticeIsing(spins, rows, columns), isingReference, 2 * ising.MaxError, ref worst);
        double isingFloat = Probe.LatticeIsingFNetwork(rows, columns).Evaluate(spinInputs);
        failures += Near($"Ising {rows}x{columns} (float)", Probe.LatticeIsingF(spins, rows, columns), isingFloat, 1e-5 * (1 + Math.Abs(isingFloat)), ref worst);
        foreach (bool outside in new[] { false, true })
        {
            var phi = Enumerable.Range(0, columns).Select(i => outside && i % 7 == 3 ? 9.0 : (random.NextDouble() * 4) - 2).ToArray();
            var chain = Probe.LatticeChainNetwork(columns);
            double chainReference = chain.Evaluate(phi);
            failures += Near($"phi^4 chain {columns}{(outside ? " outside" : string.Empty)} (double)", Probe.LatticeChain(phi, columns), chainReference, Math.Max(2 * chain.MaxError, outside ? 1e-12 * Math.Abs(chainReference) : 0), ref worst);
            var single = F(phi);
            double chainFloat = Probe.LatticeChainFNetwork(columns).Evaluate(single.Select(v => (double)v).ToArray());
            failures += Near($"phi^4 chain {columns}{(outside ? " outside" : string.Empty)} (float)", Probe.LatticeChainF(single, columns), chainFloat, 1e-5 * (1 + Math.Abs(chainFloat)), ref worst);
        }

        var bits = Enumerable.Range(0, 2 * columns * 2).Select(_ => random.Next(2) == 1).ToArray();
        var cube = Probe.LatticeBitsNetwork(2, 2, columns);
        failures += Near($"bits 2x2x{columns}", Probe.LatticeBits(bits, 2, 2, columns), cube.Evaluate(bits.Select(b => b ? 1.0 : 0.0).ToArray()), 2 * cube.MaxError, ref worst);
    }

    Console.WriteLine($"lattices: worst |loop - neuron by neuron| {worst:G3}{(failures == 0 ? string.Empty : $", {failures} failures")}");
    return failures + LatticeGradients();
}

// Lattice gradients (whole vectors of interior sites, the overlapping last vector, boundary sites one at a time) against
// the unrolled network's backward pass, neuron by neuron, for every width of the innermost extent up to 40, periodic 2-D
// and open 1-D, double and float, with and without reads outside their bounds.
static int LatticeGradients()
{
    var random = new Random(13);
    int failures = 0;
    double worst = 0;
    for (int columns = 1; columns <= 40; columns++)
    {
        int rows = 1 + (columns % 3);
        foreach (bool outside in new[] { false, true })
        {
            var phi = Enumerable.Range(0, rows * columns).Select(i => outside && i % 11 == 4 ? 3.0 : (random.NextDouble() * 4) - 2).ToArray();
            var gradient = new double[phi.Length];
            double energy = Probe.PhiLattice2DGradient(phi, rows, columns, gradient);
            var network = Probe.PhiLattice2DNetwork(rows, columns);
            var reference = new double[phi.Length];
            double referenceEnergy = network.EvaluateGradient(phi, reference);
            string name = $"phi^4 gradient {rows}x{columns}{(outside ? " outside" : string.Empty)}";
            failures += Near(name + " energy", energy, referenceEnergy, 1e-10 * (1 + Math.Abs(referenceEnergy)), ref worst);
            for (int i = 0; i < phi.Length; i++)
            {
                failures += Near($"{name} [{i}]", gradient[i], reference[i], 1e-10 * (1 + Math.Abs(reference[i])), ref worst);
            }

            var single = F(phi);
            var gradientF = new float[phi.Length];
            Probe.PhiLattice2DFGradient(single, rows, columns, gradientF);
            Probe.PhiLattice2DFNetwork(rows, columns).EvaluateGradient(single.Select(v => (double)v).ToArray(), reference);
            for (int i = 0; i < phi.Length; i++)
            {
                failures += Near($"{name} [{i}] (float)", gradientF[i], reference[i], 1e-4 * (1 + Math.Abs(reference[i])), ref worst);
            }

            var q = Enumerable.Range(0, columns).Select(i => outside && i % 9 == 2 ? -4.0 : random.NextDouble() - 0.5).ToArray();
            var chainGradient = new double[columns];
            Probe.OpenChainGradient(q, columns, chainGradient);
            var chainReference = new double[columns];
            Probe.OpenChainNetwork(columns).EvaluateGradient(q, chainReference);
            for (int i = 0; i < columns; i++)
            {
                failures += Near($"open chain gradient {columns}{(outside ? " outside" : string.Empty)} [{i}]", chainGradient[i], chainReference[i], 1e-10 * (1 + Math.Abs(chainReference[i])), ref worst);
            }
        }
    }

    Console.WriteLine($"lattice gradients: worst |generated - neuron by neuron| {worst:G3}{(failures == 0 ? string.Empty : $", {failures} failures")}");
    return failures;
}

// Classifier batches (softmax in the lanes, strided stores of the probabilities) against the scalar method, for every
// row count up to 40, with an input outside its bound in some batches (the rest takes the scalar pass).
static int Classifiers()
{
    var random = new Random(11);
    int failures = 0;
    double worst = 0;
    Span<double> p = stackalloc double[3];
    Span<float> q = stackalloc float[3];
    for (int rows = 0; rows <= 40; rows++)
    {
        var x = Enumerable.Range(0, rows).Select(i => rows % 5 == 3 && i == rows / 2 ? 4.0 : (random.NextDouble() * 2) - 1).ToArray();
        var y = Enumerable.Range(0, rows).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        var probabilities = new double[rows * 3];
        var categories = new int[rows];
        Probe.Classify(x, y, probabilities, categories);
        var floats = new float[rows * 3];
        var floatCategories = new int[rows];
        Probe.ClassifyF(F(x), F(y), floats, floatCategories);
        for (int i = 0; i < rows; i++)
        {
            int category = Probe.Classify(x[i], y[i], p);
            int floatCategory = Probe.ClassifyF((float)x[i], (float)y[i], q);
            failures += category == categories[i] ? 0 : 1;
            for (int k = 0; k < 3; k++)
            {
                failures += Near($"classifier rows {rows} row {i} category {k} (double)", probabilities[(i * 3) + k], p[k], 1e-12, ref worst);
                failures += Near($"classifier rows {rows} row {i} category {k} (float)", floats[(i * 3) + k], q[k], 1e-4, ref worst);
            }
        }
    }

    Console.WriteLine($"classifiers: worst |batch - scalar| {worst:G3}{(failures == 0 ? string.Empty : $", {failures} failures")}");
    return failures;
}

static int Near(string name, double value, double reference, double tolerance, ref double worst)
{
    double difference = Math.Abs(value - reference);
    worst = Math.Max(worst, difference);
    if (difference <= tolerance)
    {
        return 0;
    }

    Console.WriteLine($"FAIL {name}: {value:R} vs {reference:R} (tolerance {tolerance:G3})");
    return 1;
}

// CheckBounds = true: the scalar method and the batch throw ArgumentOutOfRangeException naming the parameter, the
// batch before writing anything; NaN is outside every bound.
static int CheckBounds()
{
    int failures = 0;
    void Expect(string what, string parameter, Action action)
    {
        try
        {
            action();
            Console.WriteLine($"  CheckBounds: {what} did not throw");
            failures++;
        }
        catch (ArgumentOutOfRangeException exception) when (exception.ParamName == parameter)
        {
        }
    }

    Expect("scalar y = 1.5", "y", () => Probe.Checked(0.5, 1.5));
    Expect("scalar x = NaN", "x", () => Probe.Checked(double.NaN, 0.5));
    foreach (int length in new[] { 1, 7, 64, 67 })
    {
        var x = Enumerable.Range(0, length).Select(i => 0.9).ToArray();
        var y = Enumerable.Range(0, length).Select(i => -0.9).ToArray();
        y[length - 1] = -1.0000001;
        var destination = Enumerable.Repeat(42.0, length).ToArray();
        Expect($"batch of {length} with y[{length - 1}] outside", "y", () => Probe.Checked(x, y, destination));
        if (destination.Any(d => d != 42.0))
        {
            Console.WriteLine($"  CheckBounds: batch of {length} wrote before throwing");
            failures++;
        }

        y[length - 1] = -1;
        Probe.Checked(x, y, destination);
        if (destination.Select((d, i) => Math.Abs(d - (x[i] * y[i]))).Max() > 1e-10)
        {
            Console.WriteLine($"  CheckBounds: batch of {length} at the bound computed {destination.Min()}..{destination.Max()}");
            failures++;
        }
    }

    Expect("float batch with x = -2", "x", () => Probe.CheckedF([0.5f, -2f], [0.5f, 0.5f], new float[2]));
    Console.WriteLine($"CheckBounds: {(failures == 0 ? "scalar and batch throw before writing" : $"{failures} FAILURES")}");
    return failures;
}

// Bits are 0 or 1, spins −1 or +1, continuous inputs uniform inside the bound.
static double Sample(InputKind kind, double bound, Random random) => kind switch
{
    InputKind.Bit => random.Next(2),
    InputKind.Spin => (2 * random.Next(2)) - 1,
    _ => bound * ((2 * random.NextDouble()) - 1),
};

/// <summary>A gradient batch over double columns: the energy and one derivative span per continuous input.</summary>
internal delegate void GradientBatch(double[][] columns, double[] energy, double[][] derivatives);

/// <summary>A float gradient batch.</summary>
internal delegate void GradientBatchF(float[][] columns, float[] energy, float[][] derivatives);

/// <summary>Hamiltonians whose batch overloads the probe checks.</summary>
public static partial class Probe
{
    [Hamiltonian("x*y + 3*x*y*z", Gradient = true)]
    public static partial double Energy(double x, double y, double z);

    [Hamiltonian("x*y + 3*x*y*z", Gradient = true)]
    public static partial float EnergyF(float x, float y, float z);

    [Hamiltonian("a*b*c*d*e*f*g*h", Gradient = true)]
    public static partial double Product8(double a, double b, double c, double d, double e, double f, double g, double h);

    [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 0.1*(x^4 + y^4 + z^4) - 0.3*x*y*z + 0.2*x*y", InputBound = 2, Gradient = true)]
    public static partial double Oscillator(double x, double y, double z);

    [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 0.1*(x^4 + y^4 + z^4) - 0.3*x*y*z + 0.2*x*y", InputBound = 2, Gradient = true)]
    public static partial float OscillatorF(float x, float y, float z);

    [Hamiltonian("-s1*s2 - s2*s3 - s3*s4 - s4*s1 + 0.5*s1*s3*b - 0.25*b")]
    public static partial double Ising([Spin] int s1, [Spin] int s2, [Spin] int s3, [Spin] int s4, bool b);

    [Hamiltonian("-s1*s2 - s2*s3 - s3*s4 - s4*s1 + 0.5*s1*s3*b - 0.25*b")]
    public static partial float IsingF([Spin] sbyte s1, [Spin] sbyte s2, [Spin] sbyte s3, [Spin] sbyte s4, bool b);

    [Hamiltonian("x*s*b + 0.5*y*b - x*y*s", InputBound = 2, Gradient = true)]
    public static partial double Mixed(double x, double y, [Spin] int s, bool b);

    [Hamiltonian("(x + y + z)^8", Gradient = true)]
    public static partial double Table(double x, double y, double z);

    [Hamiltonian("(x + y + z)^8", Gradient = true)]
    public static partial float TableF(float x, float y, float z);

    [Hamiltonian("a*b*c*d - 0.5*a*b", MaxHiddenLayers = 1, Gradient = true)]
    public static partial double Flat(double a, double b, double c, double d);

    [Hamiltonian("x*y", CheckBounds = true)]
    public static partial double Checked(double x, double y);

    [Hamiltonian("x*y", CheckBounds = true)]
    public static partial float CheckedF(float x, float y);

    [Hamiltonian("-sum(i < rows, j < columns: s[i,j]*s[i+1,j] + s[i,j]*s[i,j+1]) - 0.1*sum(i < rows, j < columns: s[i,j])")]
    public static partial double LatticeIsing([Spin] ReadOnlySpan<sbyte> s, int rows, int columns);

    [Hamiltonian("-sum(i < rows, j < columns: s[i,j]*s[i+1,j] + s[i,j]*s[i,j+1]) - 0.1*sum(i < rows, j < columns: s[i,j])")]
    public static partial float LatticeIsingF([Spin] ReadOnlySpan<sbyte> s, int rows, int columns);

    [Hamiltonian("sum(i < rows, j < columns: 0.5*(phi[i+1,j] - phi[i,j])^2 + 0.5*(phi[i,j+1] - phi[i,j])^2 + 0.5*phi[i,j]^2 + 0.25*phi[i,j]^4)", InputBound = 2, Gradient = true)]
    public static partial double PhiLattice2D(ReadOnlySpan<double> phi, int rows, int columns);

    [Hamiltonian("sum(i < rows, j < columns: 0.5*(phi[i+1,j] - phi[i,j])^2 + 0.5*(phi[i,j+1] - phi[i,j])^2 + 0.5*phi[i,j]^2 + 0.25*phi[i,j]^4)", InputBound = 2, Gradient = true)]
    public static partial float PhiLattice2DF(ReadOnlySpan<float> phi, int rows, int columns);

    [Hamiltonian("sum(i < n: 0.5*(q[i+1] - q[i])^2 + (0.25/3)*(q[i+1] - q[i])^3 + 0.1*q[i]*q[i+2])", Boundary = LatticeBoundary.Open, InputBound = 2, Gradient = true)]
    public static partial double OpenChain(ReadOnlySpan<double> q, int n);

    [Hamiltonian("sum(i < n: 0.5*(phi[i+1] - phi[i])^2 + 0.5*phi[i]^2 + 0.25*phi[i]^4)", Boundary = LatticeBoundary.Open, InputBound = 2)]
    public static partial double LatticeChain(ReadOnlySpan<double> phi, int n);

    [Hamiltonian("sum(i < n: 0.5*(phi[i+1] - phi[i])^2 + 0.5*phi[i]^2 + 0.25*phi[i]^4)", Boundary = LatticeBoundary.Open, InputBound = 2)]
    public static partial float LatticeChainF(ReadOnlySpan<float> phi, int n);

    [Hamiltonian("sum(i < a, j < b, k < c: t[i,j,k]*t[i+1,j,k] - 0.5*t[i,j,k]*t[i,j+1,k]*t[i,j,k+1] + 0.25*t[i,j,k])")]
    public static partial double LatticeBits(ReadOnlySpan<bool> t, int a, int b, int c);

    [Category("a", "x*y + 0.5*x^2 - y")]
    [Category("b", "x*y - x + 0.25*y^2", Prior = 2)]
    [Category("c", "x^2 + y^2")]
    public static partial int Classify(double x, double y, Span<double> p);

    [Category("a", "x*y + 0.5*x^2 - y")]
    [Category("b", "x*y - x + 0.25*y^2", Prior = 2)]
    [Category("c", "x^2 + y^2")]
    public static partial int ClassifyF(float x, float y, Span<float> p);
}
