using System;
using PolyNet;

namespace PolyNet.Benchmarks;

/// <summary>
/// The benchmarked Boltzmann classifiers: Iris (three quadratic Gaussian-class energies over four measurements, equal
/// priors) in double and float here, and ten random 16-input Gaussian categories (GaussianClassifier16.cs, printed by
/// tools/gaussian16.py) in double and float.
/// </summary>
public static partial class Classifiers
{
    public const string Setosa = "9.665019788683937*sepalLength^2 - 12.657985873964801*sepalLength*sepalWidth - 4.592047488338768*sepalLength*petalLength - 4.873599314320642*sepalLength*petalWidth + 7.944153149585778*sepalWidth^2 + 1.13375422130133*sepalWidth*petalLength - 2.147038599626241*sepalWidth*petalWidth + 19.783777615510516*petalLength^2 - 18.301056432071768*petalLength*petalWidth + 54.10505415453595*petalWidth^2 - 45.462123689078055*sepalLength + 7.771386115473191*sepalWidth - 34.2444256094602*petalLength + 31.89374434666514*petalWidth + 118.68295291260667";

    public const string Versicolor = "4.848348859727741*sepalLength^2 - 3.751241439850708*sepalLength*sepalWidth - 8.807869299745228*sepalLength*petalLength + 6.586227999128616*sepalLength*petalWidth + 10.056615523420584*sepalWidth^2 + 2.1592065273204035*sepalWidth*petalLength - 19.87788235102498*sepalWidth*petalWidth + 10.103958024473545*petalLength^2 - 27.48696633750377*petalLength*petalWidth + 44.512649911397475*petalWidth^2 - 18.38047398423116*sepalLength - 16.286428621722045*sepalWidth - 3.3354949223744583*petalLength + 15.012813742251694*petalWidth + 72.45924529788826";

    public const string Virginica = "5.374421836431898*sepalLength^2 - 3.550741056967419*sepalLength*sepalWidth - 10.163414229122381*sepalLength*petalLength + 1.8246451331263975*sepalLength*petalWidth + 8.09971543274631*sepalWidth^2 + 1.1251925532071247*sepalWidth*petalLength - 8.645765849125745*sepalWidth*petalWidth + 6.839704352242911*petalLength^2 - 2.9499168052891784*petalLength*petalWidth + 9.854107322576514*petalWidth^2 - 7.522933453032195*sepalLength - 13.515572755750899*sepalWidth - 6.361295391569151*petalLength - 9.859159269851247*petalWidth + 71.69630330849913";

    [Category("setosa", Setosa, Prior = 50)]
    [Category("versicolor", Versicolor, Prior = 50)]
    [Category("virginica", Virginica, Prior = 50)]
    [Classifier(InputBound = 8)]
    public static partial int Iris(double sepalLength, double sepalWidth, double petalLength, double petalWidth, Span<double> probabilities);

    [Category("setosa", Setosa, Prior = 50)]
    [Category("versicolor", Versicolor, Prior = 50)]
    [Category("virginica", Virginica, Prior = 50)]
    [Classifier(InputBound = 8)]
    public static partial int IrisF(float sepalLength, float sepalWidth, float petalLength, float petalWidth, Span<float> probabilities);
}
