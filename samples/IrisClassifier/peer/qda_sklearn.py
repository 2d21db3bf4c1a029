#!/usr/bin/env python3
"""Peer reference for the IrisClassifier sample: scikit-learn's QDA posteriors on the 150 iris rows.

Run by hand, never in CI:

    sudo apt-get install python3-sklearn        # Debian/Ubuntu; or pip install scikit-learn
    /usr/bin/python3 samples/IrisClassifier/peer/qda_sklearn.py

writes peer/sklearn_proba.csv (header setosa,versicolor,virginica; one row per row of iris.csv, same order),
which the sample compares with the network's probabilities.

Covariance convention. Iris.cs holds the maximum-likelihood Gaussians: covariance with divisor n. scikit-learn's
QuadraticDiscriminantAnalysis divides by n - 1 (fit(): S2 = S**2 / (len(Xg) - 1), with reg_param = 0), which
changes every posterior by a few per cent near the class boundaries. The n - 1 eigenvalues S2 are multiplied by
(n - 1)/n after fitting, so that predict_proba - scikit-learn's own code (rotations_, scalings_, means_, priors_)
- computes the divisor-n posteriors. The eigenvectors (rotations_) are the same either way. As an independent
check the script also evaluates the posteriors in plain numpy from means_ and covariance_ * (n - 1)/n, and stops
if the two differ by more than 1e-12.
"""
import csv
import os
import sys

import numpy as np
import sklearn
from sklearn.discriminant_analysis import QuadraticDiscriminantAnalysis

HERE = os.path.dirname(os.path.abspath(__file__))
SPECIES = ["setosa", "versicolor", "virginica"]


def read_iris(path):
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        assert header == ["sepal_length", "sepal_width", "petal_length", "petal_width", "species"], header
        rows = [r for r in reader if r]
    x = np.array([[float(v) for v in r[:4]] for r in rows])
    y = np.array([r[4] for r in rows])
    return x, y


def numpy_posteriors(x, means, covariances, priors):
    """p(y|x) from -ln N(x; m, S) - ln prior, with a Cholesky solve: the formulas of Fit, in numpy."""
    energies = []
    for m, s, prior in zip(means, covariances, priors):
        l = np.linalg.cholesky(s)
        z = np.linalg.solve(l, (x - m).T)
        h = 0.5 * np.sum(z * z, axis=0) + 0.5 * (x.shape[1] * np.log(2 * np.pi) + 2 * np.sum(np.log(np.diag(l))))
        energies.append(h - np.log(prior))
    e = np.array(energies).T
    w = np.exp(-(e - e.min(axis=1, keepdims=True)))
    return w / w.sum(axis=1, keepdims=True)


def main():
    x, y = read_iris(os.path.join(HERE, "..", "iris.csv"))
    counts = np.array([np.sum(y == s) for s in SPECIES])
    assert x.shape == (150, 4) and list(counts) == [50, 50, 50], (x.shape, counts)

    # Priors as in Iris.cs (Prior = class count), normalised; reg_param = 0: no shrinkage.
    qda = QuadraticDiscriminantAnalysis(priors=counts / counts.sum(), reg_param=0.0, store_covariance=True)
    qda.fit(x, y)
    assert list(qda.classes_) == SPECIES, qda.classes_

    # Divisor n - 1 -> divisor n.
    qda.scalings_ = [s * (n - 1) / n for s, n in zip(qda.scalings_, counts)]
    covariances = [c * (n - 1) / n for c, n in zip(qda.covariance_, counts)]

    proba = qda.predict_proba(x)
    check = numpy_posteriors(x, qda.means_, covariances, qda.priors_)
    difference = np.max(np.abs(proba - check))
    if difference > 1e-12:
        sys.exit(f"scikit-learn and numpy posteriors differ by {difference:.3g}")

    out = os.path.join(HERE, "sklearn_proba.csv")
    with open(out, "w", newline="") as f:
        f.write(",".join(SPECIES) + "\n")
        for row in proba:
            f.write(",".join(repr(float(p)) for p in row) + "\n")

    predicted = np.array(SPECIES)[np.argmax(proba, axis=1)]
    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}")
    print(f"wrote {out}: {proba.shape[0]} rows")
    print(f"training accuracy {np.sum(predicted == y)}/{len(y)}; misclassified rows (1-based): "
          + ", ".join(str(i + 1) for i in np.nonzero(predicted != y)[0]))
    print(f"max |scikit-learn - numpy| {difference:.3g}")
    for s, m, c in zip(SPECIES, qda.means_, covariances):
        print(f"{s}: mean {np.array2string(m, precision=4)}, ln det(2 pi Sigma) {np.linalg.slogdet(2 * np.pi * c)[1]!r}")


if __name__ == "__main__":
    main()
