using System;
using System.Collections.Generic;
using System.Linq;

namespace PolyNet.Generators.Tests.Runtime;

/// <summary>The Boltzmann classifier's runtime: hand-built definitions against a hand-computed softmax, and validation.</summary>
public sealed class ClassifierRuntimeTests
{
    private const double Sentinel = 42.0;

    /// <summary>E_a = 1 − 2x + y/4 (affine, no neurons).</summary>
    private static SigmoidNetworkDefinition A() => new()
    {
        Expression = "1 - 2*x + y/4",
        Polynomial = "1 - 2*x + 0.25*y",
        Inputs = ["x", "y"],
        InputBounds = [1.0, 1.0],
        Terms = "1 0 0; -2 1 0; 0.25 0 1",
        Gates = "",
        Output = "1 x -2 y 0.25",
        MaxError = 2.2e-15,
    };

    /// <summary>E_b = 0.5 + x − y (affine, no neurons).</summary>
    private static SigmoidNetworkDefinition B() => new()
    {
        Expression = "0.5 + x - y",
        Polynomial = "0.5 + x - y",
        Inputs = ["x", "y"],
        InputBounds = [1.0, 1.0],
        Terms = "0.5 0 0; 1 1 0; -1 0 1",
        Gates = "",
        Output = "0.5 x 1 y -1",
        MaxError = 2.2e-15,
    };

    /// <summary>E_c = x² − 0.5 (one sq gate, two neurons).</summary>
    private static SigmoidNetworkDefinition C() => new()
    {
        Expression = "x^2 - 0.5",
        Polynomial = "-0.5 + x^2",
        Inputs = ["x", "y"],
        InputBounds = [1.0, 1.0],
        Terms = "-0.5 0 0; 1 2 0",
        Gates = "%0 = sq x 0.000987 15086641.493107526",
        Output = "-0.5 %0 1",
        MaxError = 1e-7,
    };

    private static BoltzmannClassifierDefinition Weather() => new()
    {
        Categories = ["a", "b", "c"],
        Priors = [3.0, 1.0, 2.0],
        Hamiltonians = [A(), B(), C()],
        NeuronCount = 2,
        MaxError = 1e-7,
    };

    private static double[] Energies(double x, double y) => [1 - (2 * x) + (y / 4), 0.5 + x - y, (x * x) - 0.5];

    private static double[] HandSoftmax(double[] energies, double[] priors)
    {
        double total = priors.Sum();
        var z = energies.Select((e, k) => -e + Math.Log(priors[k] / total)).ToArray();
        double max = z.Max();
        var weights = z.Select(v => Math.Exp(v - max)).ToArray();
        return weights.Select(w => w / weights.Sum()).ToArray();
    }

    [Fact]
    public void Classifier_properties_describe_the_definition()
    {
        var classifier = new BoltzmannClassifier(Weather());
        Assert.Equal(["a", "b", "c"], classifier.Categories);
        Assert.Equal(["x", "y"], classifier.Inputs);
        Assert.Equal([1.0, 1.0], classifier.InputBounds);
        Assert.Equal([InputKind.Continuous, InputKind.Continuous], classifier.InputKinds);
        Assert.Equal(NetworkPrecision.Double, classifier.Precision);
        Assert.Equal(3, classifier.Hamiltonians.Count);
        Assert.Equal("x^2 - 0.5", classifier.Hamiltonians[2].Expression);
        Assert.Equal(2, classifier.NeuronCount);
        Assert.Equal(2, classifier.UnsharedNeuronCount);
        Assert.Equal(1e-7, classifier.MaxError);
        Assert.Equal([3.0, 1.0, 2.0], classifier.Definition.Priors);
        Assert.Equal(1, classifier.Definition.Version);

        string text = classifier.ToString();
        Assert.DoesNotContain('\n', text);
        Assert.Contains("a, b, c", text, StringComparison.Ordinal);
        Assert.Contains("2 neurons", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Classifier_priors_are_normalised_and_their_logs_stable()
    {
        var classifier = new BoltzmannClassifier(Weather());
        double[] expected = [0.5, 1.0 / 6, 1.0 / 3];
        for (int y = 0; y < 3; y++)
        {
            Assert.Equal(expected[y], classifier.Priors[y], 1e-16);
            Assert.Equal(Math.Log(expected[y]), classifier.LogPriors[y], 1e-15);
        }

        Assert.Equal(1.0, classifier.Priors.Sum(), 1e-15);

        var huge = new BoltzmannClassifier(With(Weather(), priors: [1e300, 1e300, 1e300]));
        Assert.All(huge.Priors, p => Assert.Equal(1.0 / 3, p, 1e-16));
        Assert.All(huge.LogPriors, l => Assert.Equal(-Math.Log(3), l, 1e-15));
        Assert.All(huge.LogPriors, l => Assert.Equal(huge.LogPriors[0], l));

        var spread = new BoltzmannClassifier(With(Weather(), priors: [1e-300, 1e300, double.Epsilon]));
        Assert.Equal([0.0, 1.0, 0.0], spread.Priors);
        Assert.Equal(Math.Log(1e-300) - Math.Log(1e300), spread.LogPriors[0], 1e-12);
        Assert.Equal(0.0, spread.LogPriors[1]);
        Assert.Equal(Math.Log(double.Epsilon) - Math.Log(1e300), spread.LogPriors[2], 1e-12);

        // A tiny rest keeps its digits: ln(1 / (1 + 1e-20)) = −1e-20.
        var tiny = new BoltzmannClassifier(With(Weather(), priors: [1.0, 1e-20, 1e-40]));
        Assert.Equal(-1e-20, tiny.LogPriors[0], 1e-34);
    }

    [Fact]
    public void Classifier_evaluate_matches_a_hand_computed_softmax()
    {
        var classifier = new BoltzmannClassifier(Weather());
        var random = new Random(11);
        var probabilities = new double[3];
        var exact = new double[3];
        var logs = new double[3];
        for (int trial = 0; trial < 2_000; trial++)
        {
            double x = (2 * random.NextDouble()) - 1, y = (2 * random.NextDouble()) - 1;
            var expected = HandSoftmax(Energies(x, y), [3.0, 1.0, 2.0]);
            int expectedBest = Array.IndexOf(expected, expected.Max());

            Assert.Equal(expectedBest, classifier.EvaluateExact([x, y], exact));
            int best = classifier.Evaluate([x, y], probabilities);
            classifier.EvaluateLogProbabilities([x, y], logs);
            for (int k = 0; k < 3; k++)
            {
                Assert.Equal(expected[k], exact[k], 1e-15);
                Assert.True(Math.Abs(probabilities[k] - exact[k]) <= classifier.MaxError, $"({x}, {y}), {k}: {probabilities[k]:R} vs {exact[k]:R}");
                Assert.Equal(Math.Log(probabilities[k]), logs[k], 1e-14);
            }

            // The network's argmax may differ only where two probabilities are within the error bound.
            if (best != expectedBest)
            {
                Assert.True(Math.Abs(exact[best] - exact[expectedBest]) <= 2 * classifier.MaxError);
            }
        }
    }

    [Fact]
    public void Classifier_with_equal_energies_gives_the_normalised_priors()
    {
        var classifier = new BoltzmannClassifier(new BoltzmannClassifierDefinition
        {
            Categories = ["first", "second"],
            Priors = [0.25, 0.75],
            Hamiltonians = [A(), A()],
        });
        var probabilities = new double[2];
        Assert.Equal(1, classifier.Evaluate([0.3, -0.7], probabilities));
        Assert.Equal(0.25, probabilities[0], 1e-16);
        Assert.Equal(0.75, probabilities[1], 1e-16);
        Assert.Equal(0, classifier.NeuronCount);

        var uniform = new BoltzmannClassifier(new BoltzmannClassifierDefinition
        {
            Categories = ["first", "second"],
            Priors = [2.0, 2.0],
            Hamiltonians = [A(), A()],
        });
        Assert.Equal(0, uniform.Evaluate([0.3, -0.7], probabilities));
        Assert.Equal(probabilities[0], probabilities[1]);
    }

    [Fact]
    public void Classifier_nan_input_gives_nan_probabilities_and_minus_one()
    {
        var classifier = new BoltzmannClassifier(Weather());
        var probabilities = new double[3];
        Assert.Equal(-1, classifier.Evaluate([double.NaN, 0.5], probabilities));
        Assert.All(probabilities, p => Assert.True(double.IsNaN(p)));
        Assert.Equal(-1, classifier.EvaluateExact([0.5, double.NaN], probabilities));
        Assert.All(probabilities, p => Assert.True(double.IsNaN(p)));
    }

    [Fact]
    public void Classifier_wrong_lengths_throw_before_writing()
    {
        var classifier = new BoltzmannClassifier(Weather());
        foreach (int length in new[] { 0, 2, 4 })
        {
            var destination = Enumerable.Repeat(Sentinel, length).ToArray();
            Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => classifier.Evaluate([0.1, 0.2], destination)).ParamName);
            Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => classifier.EvaluateExact([0.1, 0.2], destination)).ParamName);
            Assert.Equal("logProbabilities", Assert.Throws<ArgumentException>(() => classifier.EvaluateLogProbabilities([0.1, 0.2], destination)).ParamName);
            Assert.All(destination, v => Assert.Equal(Sentinel, v));
        }

        var right = Enumerable.Repeat(Sentinel, 3).ToArray();
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => classifier.Evaluate([0.1], right)).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => classifier.EvaluateExact([0.1, 0.2, 0.3], right)).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => classifier.EvaluateLogProbabilities([], right)).ParamName);
        Assert.All(right, v => Assert.Equal(Sentinel, v));
    }

    [Fact]
    public void Classifier_definition_is_copied()
    {
        string[] categories = ["a", "b", "c"];
        double[] priors = [3.0, 1.0, 2.0];
        var hamiltonians = new List<SigmoidNetworkDefinition> { A(), B(), C() };
        var classifier = new BoltzmannClassifier(new BoltzmannClassifierDefinition
        {
            Categories = categories,
            Priors = priors,
            Hamiltonians = hamiltonians,
            NeuronCount = 2,
        });
        categories[0] = "z";
        priors[0] = 100;
        hamiltonians[0] = C();
        Assert.Equal("a", classifier.Categories[0]);
        Assert.Equal("a", classifier.Definition.Categories[0]);
        Assert.Equal(3.0, classifier.Definition.Priors[0]);
        Assert.Equal(0.5, classifier.Priors[0], 1e-16);
        Assert.Equal("1 - 2*x + y/4", classifier.Definition.Hamiltonians[0].Expression);
        Assert.Same(classifier.Hamiltonians[0].Definition, classifier.Definition.Hamiltonians[0]);
        Assert.False(classifier.Definition.Categories is string[]);
        Assert.False(classifier.Priors is double[]);
        Assert.False(classifier.LogPriors is double[]);
        Assert.False(classifier.Hamiltonians is SigmoidNetwork[]);
    }

    public static TheoryData<string, Type, string[]> Refusals => new()
    {
        { "one category", typeof(ArgumentException), ["BoltzmannClassifierDefinition.Categories", "at least two"] },
        { "empty name", typeof(ArgumentException), ["BoltzmannClassifierDefinition.Categories", "empty"] },
        { "null name", typeof(ArgumentException), ["BoltzmannClassifierDefinition.Categories", "null"] },
        { "duplicate name", typeof(ArgumentException), ["BoltzmannClassifierDefinition.Categories", "'a'", "twice"] },
        { "prior count", typeof(ArgumentException), ["BoltzmannClassifierDefinition.Priors", "one prior per category"] },
        { "zero prior", typeof(ArgumentException), ["BoltzmannClassifierDefinition.Priors", "'b'"] },
        { "negative prior", typeof(ArgumentException), ["BoltzmannClassifierDefinition.Priors", "'c'"] },
        { "nan prior", typeof(ArgumentException), ["BoltzmannClassifierDefinition.Priors", "NaN"] },
        { "infinite prior", typeof(ArgumentException), ["BoltzmannClassifierDefinition.Priors", "positive and finite"] },
        { "hamiltonian count", typeof(ArgumentException), ["BoltzmannClassifierDefinition.Hamiltonians", "one Hamiltonian per category"] },
        { "other inputs", typeof(ArgumentException), ["BoltzmannClassifierDefinition.Hamiltonians", "category 'b'", "Inputs"] },
        { "other input count", typeof(ArgumentException), ["BoltzmannClassifierDefinition.Hamiltonians", "1 inputs", "Inputs"] },
        { "other bounds", typeof(ArgumentException), ["BoltzmannClassifierDefinition.Hamiltonians", "InputBounds"] },
        { "other kinds", typeof(ArgumentException), ["BoltzmannClassifierDefinition.Hamiltonians", "InputKinds"] },
        { "other precision", typeof(ArgumentException), ["BoltzmannClassifierDefinition.Hamiltonians", "Precision"] },
        { "invalid hamiltonian", typeof(ArgumentException), ["BoltzmannClassifierDefinition.Hamiltonians[1]", "'b'", "SigmoidNetworkDefinition.Output"] },
        { "malformed hamiltonian", typeof(FormatException), ["BoltzmannClassifierDefinition.Hamiltonians[2]", "'c'", "SigmoidNetworkDefinition.Gates"] },
        { "hamiltonian null text", typeof(ArgumentNullException), ["BoltzmannClassifierDefinition.Hamiltonians[0]", "SigmoidNetworkDefinition.Terms"] },
        { "hamiltonian version", typeof(NotSupportedException), ["BoltzmannClassifierDefinition.Hamiltonians[0]", "SigmoidNetworkDefinition.Version"] },
        { "null hamiltonian", typeof(ArgumentNullException), ["BoltzmannClassifierDefinition.Hamiltonians[1]", "null"] },
        { "negative neuron count", typeof(ArgumentException), ["BoltzmannClassifierDefinition.NeuronCount", "-1"] },
        { "too many neurons", typeof(ArgumentException), ["BoltzmannClassifierDefinition.NeuronCount", "3", "2 neurons"] },
        { "negative error", typeof(ArgumentException), ["BoltzmannClassifierDefinition.MaxError"] },
        { "nan error", typeof(ArgumentException), ["BoltzmannClassifierDefinition.MaxError", "NaN"] },
        { "infinite error", typeof(ArgumentException), ["BoltzmannClassifierDefinition.MaxError"] },
        { "version 0", typeof(ArgumentException), ["BoltzmannClassifierDefinition.Version"] },
        { "version 2", typeof(NotSupportedException), ["BoltzmannClassifierDefinition.Version", "2"] },
        { "null categories", typeof(ArgumentNullException), ["BoltzmannClassifierDefinition.Categories"] },
        { "null priors", typeof(ArgumentNullException), ["BoltzmannClassifierDefinition.Priors"] },
        { "null hamiltonians", typeof(ArgumentNullException), ["BoltzmannClassifierDefinition.Hamiltonians"] },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Classifier_inconsistent_definition_is_refused(string change, Type exception, string[] fragments)
    {
        var valid = Weather();
        var definition = change switch
        {
            "one category" => With(valid, categories: ["a"], priors: [1.0], hamiltonians: [A()], neurons: 0),
            "empty name" => With(valid, categories: ["a", "", "c"]),
            "null name" => With(valid, categories: ["a", null!, "c"]),
            "duplicate name" => With(valid, categories: ["a", "b", "a"]),
            "prior count" => With(valid, priors: [1.0, 2.0]),
            "zero prior" => With(valid, priors: [1.0, 0.0, 2.0]),
            "negative prior" => With(valid, priors: [1.0, 1.0, -2.0]),
            "nan prior" => With(valid, priors: [double.NaN, 1.0, 2.0]),
            "infinite prior" => With(valid, priors: [1.0, double.PositiveInfinity, 2.0]),
            "hamiltonian count" => With(valid, hamiltonians: [A(), B()]),
            "other inputs" => With(valid, hamiltonians: [A(), Renamed(B()), C()]),
            "other input count" => With(valid, hamiltonians: [A(), new SigmoidNetworkDefinition { Inputs = ["x"], InputBounds = [1.0], Output = "0 x 1", Terms = "1 1" }, C()]),
            "other bounds" => With(valid, hamiltonians: [A(), B(), Bounded(C())]),
            "other kinds" => With(valid, hamiltonians: [A(), Kinded(B()), C()]),
            "other precision" => With(valid, hamiltonians: [A(), B(), Single(C())]),
            "invalid hamiltonian" => With(valid, hamiltonians: [A(), new SigmoidNetworkDefinition { Inputs = ["x", "y"], InputBounds = [1.0, 1.0], Output = "0 %3 1" }, C()]),
            "malformed hamiltonian" => With(valid, hamiltonians: [A(), B(), new SigmoidNetworkDefinition { Inputs = ["x", "y"], InputBounds = [1.0, 1.0], Gates = "%0 = cube x 1 1" }]),
            "hamiltonian null text" => With(valid, hamiltonians: [new SigmoidNetworkDefinition { Inputs = ["x", "y"], InputBounds = [1.0, 1.0], Terms = null! }, B(), C()]),
            "hamiltonian version" => With(valid, hamiltonians: [new SigmoidNetworkDefinition { Version = 9, Inputs = ["x", "y"], InputBounds = [1.0, 1.0] }, B(), C()]),
            "null hamiltonian" => With(valid, hamiltonians: [A(), null!, C()]),
            "negative neuron count" => With(valid, neurons: -1),
            "too many neurons" => With(valid, neurons: 3),
            "negative error" => With(valid, maxError: -1e-9),
            "nan error" => With(valid, maxError: double.NaN),
            "infinite error" => With(valid, maxError: double.PositiveInfinity),
            "version 0" => With(valid, version: 0),
            "version 2" => With(valid, version: 2),
            "null categories" => With(valid, categories: null!, nulls: "categories"),
            "null priors" => With(valid, priors: null!, nulls: "priors"),
            _ => With(valid, hamiltonians: null!, nulls: "hamiltonians"),
        };
        var thrown = Assert.ThrowsAny<Exception>(() => new BoltzmannClassifier(definition));
        Assert.IsType(exception, thrown);
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, thrown.Message, StringComparison.Ordinal);
        }

        if (thrown is ArgumentException argument)
        {
            Assert.Equal("definition", argument.ParamName);
        }
    }

    [Fact]
    public void Classifier_null_definition_is_refused()
    {
        Assert.Equal("definition", Assert.Throws<ArgumentNullException>(() => new BoltzmannClassifier(null!)).ParamName);
    }

    private static BoltzmannClassifierDefinition With(
        BoltzmannClassifierDefinition valid,
        IReadOnlyList<string>? categories = null,
        IReadOnlyList<double>? priors = null,
        IReadOnlyList<SigmoidNetworkDefinition>? hamiltonians = null,
        int? neurons = null,
        double? maxError = null,
        int? version = null,
        string nulls = "") => new()
        {
            Version = version ?? valid.Version,
            Categories = nulls == "categories" ? null! : categories ?? valid.Categories,
            Priors = nulls == "priors" ? null! : priors ?? valid.Priors,
            Hamiltonians = nulls == "hamiltonians" ? null! : hamiltonians ?? valid.Hamiltonians,
            NeuronCount = neurons ?? valid.NeuronCount,
            MaxError = maxError ?? valid.MaxError,
        };

    private static SigmoidNetworkDefinition Renamed(SigmoidNetworkDefinition d) => new()
    {
        Expression = d.Expression,
        Polynomial = d.Polynomial,
        Inputs = ["x", "z"],
        InputBounds = d.InputBounds,
        Terms = d.Terms,
        Gates = d.Gates,
        Output = d.Output.Replace(" y ", " z ", StringComparison.Ordinal),
        MaxError = d.MaxError,
    };

    private static SigmoidNetworkDefinition Bounded(SigmoidNetworkDefinition d) => new()
    {
        Expression = d.Expression,
        Polynomial = d.Polynomial,
        Inputs = d.Inputs,
        InputBounds = [1.0, 2.0],
        Terms = d.Terms,
        Gates = d.Gates,
        Output = d.Output,
        MaxError = d.MaxError,
    };

    private static SigmoidNetworkDefinition Kinded(SigmoidNetworkDefinition d) => new()
    {
        Expression = d.Expression,
        Polynomial = d.Polynomial,
        Inputs = d.Inputs,
        InputBounds = d.InputBounds,
        InputKinds = [InputKind.Continuous, InputKind.Spin],
        Terms = d.Terms,
        Gates = d.Gates,
        Output = d.Output,
        MaxError = d.MaxError,
    };

    private static SigmoidNetworkDefinition Single(SigmoidNetworkDefinition d) => new()
    {
        Expression = d.Expression,
        Polynomial = d.Polynomial,
        Precision = NetworkPrecision.Single,
        Inputs = d.Inputs,
        InputBounds = d.InputBounds,
        Terms = d.Terms,
        Gates = d.Gates,
        Output = d.Output,
        MaxError = d.MaxError,
    };
}
