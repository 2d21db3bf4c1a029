using System;
using PolyNet;

/// <summary>
/// Quadratic discriminant analysis of Fisher's iris data as a Boltzmann classifier: each species y has the
/// Hamiltonian H_y(x) = ½(x − m_y)ᵀΣ_y⁻¹(x − m_y) + ½ ln det(2πΣ_y) = −ln N(x; m_y, Σ_y) of its maximum-likelihood
/// Gaussian (covariance with divisor n), and p(y | x) ∝ Prior_y · e^(−H_y(x)).
/// </summary>
/// <remarks>
/// The [Category] lines are printed by Fit (dotnet run --project samples/IrisClassifier/Fit) from iris.csv and
/// must stay byte-identical to its output: Fit --check &lt;this file&gt; exits 1 when they differ. Measurements are
/// in centimetres and reach 7.9, hence InputBound = 8.
/// </remarks>
public static partial class Iris
{
    [Classifier(InputBound = 8)]
    [Category("setosa", "9.665019788683937*sepalLength^2 - 12.657985873964801*sepalLength*sepalWidth - 4.592047488338768*sepalLength*petalLength - 4.873599314320642*sepalLength*petalWidth + 7.944153149585778*sepalWidth^2 + 1.13375422130133*sepalWidth*petalLength - 2.147038599626241*sepalWidth*petalWidth + 19.783777615510516*petalLength^2 - 18.301056432071768*petalLength*petalWidth + 54.10505415453595*petalWidth^2 - 45.462123689078055*sepalLength + 7.771386115473191*sepalWidth - 34.2444256094602*petalLength + 31.89374434666514*petalWidth + 118.68295291260667", Prior = 50)]
    [Category("versicolor", "4.848348859727741*sepalLength^2 - 3.751241439850708*sepalLength*sepalWidth - 8.807869299745228*sepalLength*petalLength + 6.586227999128616*sepalLength*petalWidth + 10.056615523420584*sepalWidth^2 + 2.1592065273204035*sepalWidth*petalLength - 19.87788235102498*sepalWidth*petalWidth + 10.103958024473545*petalLength^2 - 27.48696633750377*petalLength*petalWidth + 44.512649911397475*petalWidth^2 - 18.38047398423116*sepalLength - 16.286428621722045*sepalWidth - 3.3354949223744583*petalLength + 15.012813742251694*petalWidth + 72.45924529788826", Prior = 50)]
    [Category("virginica", "5.374421836431898*sepalLength^2 - 3.550741056967419*sepalLength*sepalWidth - 10.163414229122381*sepalLength*petalLength + 1.8246451331263975*sepalLength*petalWidth + 8.09971543274631*sepalWidth^2 + 1.1251925532071247*sepalWidth*petalLength - 8.645765849125745*sepalWidth*petalWidth + 6.839704352242911*petalLength^2 - 2.9499168052891784*petalLength*petalWidth + 9.854107322576514*petalWidth^2 - 7.522933453032195*sepalLength - 13.515572755750899*sepalWidth - 6.361295391569151*petalLength - 9.859159269851247*petalWidth + 71.69630330849913", Prior = 50)]
    public static partial int Classify(double sepalLength, double sepalWidth, double petalLength, double petalWidth, Span<double> probabilities);
}
