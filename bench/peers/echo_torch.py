#!/usr/bin/env python3
"""An independent oracle for Hamiltonian echo learning (issue 23; docs/scenarios.md#echo-check).

Reads a network, its parameters and one sequence from --net (JSON, written by EchoTorchTest), integrates the
drift-kick-drift leapfrog of H = 1/2|z|^2 + V(y, theta, u_t) from rest with PyTorch in float64, and writes the
loss and its gradient with respect to theta -- by torch.autograd through the same discrete trajectory, written
here from the equations, not from the Java code -- to --out; prints loss=... on its last line.

  V = sum_i [alpha_i y_i^2 / 2 - b_i phi(y_i)] + sum_c V_c + sum_l -B_l u_{k_l} phi(y_{i_l}),
  V_c = -W_c phi(y_i) phi(y_j)  (pairwise)  or  W_c (y_i - y_j)^2 / 2  (spring)
  y_half = y + dt z / 2;  z <- z - dt (dV/dy(y_half) + gamma z);  y <- y_half + dt z / 2
  loss = sum over loss steps t of sum_o (y_{o,t+1} - target_{t,o})^2 / 2
"""
import argparse
import json

import torch


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--net", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    with open(a.net) as f:
        net = json.load(f)
    torch.set_default_dtype(torch.float64)
    n = net["units"]
    phi = torch.tanh if net["phi"] == "tanh" else (lambda x: x)
    spring = net["kind"] == "spring"
    dt, gamma = net["dt"], net["damping"]
    w = torch.tensor(net["w"], requires_grad=True)
    b_in = torch.tensor(net["in"], requires_grad=True)
    bias = torch.tensor(net["bias"], requires_grad=True)
    alpha = torch.tensor(net["stiffness"], requires_grad=True)
    pairs = torch.tensor(net["pairs"], dtype=torch.long).reshape(-1, 2)
    links = torch.tensor(net["inputLinks"], dtype=torch.long).reshape(-1, 2)
    outputs = torch.tensor(net["outputs"], dtype=torch.long)
    inputs = torch.tensor(net["inputs"])      # [T][channels]
    targets = torch.tensor(net["targets"])    # [T][outputs]
    loss_at = net["lossAt"]

    def potential(y, u):
        v = 0.5 * (alpha * y * y).sum() - (bias * phi(y)).sum()
        yi, yj = y[pairs[:, 0]], y[pairs[:, 1]]
        v = v + (0.5 * w * (yi - yj) ** 2).sum() if spring else v - (w * phi(yi) * phi(yj)).sum()
        return v - (b_in * u[links[:, 0]] * phi(y[links[:, 1]])).sum()

    y = torch.zeros(n)
    z = torch.zeros(n)
    loss = torch.zeros(())
    for t in range(len(loss_at)):
        half = y + 0.5 * dt * z
        if not half.requires_grad:  # the first step, from rest: nothing depends on theta yet
            half.requires_grad_(True)
        # dV/dy at the half step, kept differentiable with respect to theta (create_graph: the second order)
        force = torch.autograd.grad(potential(half, inputs[t]), half, create_graph=True)[0]
        z = z - dt * (force + gamma * z)
        y = half + 0.5 * dt * z
        if loss_at[t]:
            loss = loss + 0.5 * ((y[outputs] - targets[t]) ** 2).sum()
    grads = torch.autograd.grad(loss, [w, b_in, bias, alpha])
    flat = torch.cat([g.reshape(-1) for g in grads]).tolist()
    with open(a.out, "w") as f:
        json.dump({"loss": loss.item(), "gradient": flat}, f)
    print(f"loss={loss.item():.17g}")


if __name__ == "__main__":
    main()
