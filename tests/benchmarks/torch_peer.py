#!/usr/bin/python3
"""PyTorch peer of bench_training: builds the network described by an EdgeSmith
architecture JSON (edgesmith::architectureJson), trains it on the first N Fashion-MNIST
training images with the same batch size, optimizer, threads and per-batch work as
EdgeSmith's trainer, and prints the training throughput in images per second."""
import gzip
import json
import struct
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as stream:
        data = stream.read()
    magic = struct.unpack(">I", data[:4])[0]
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return torch.frombuffer(bytearray(data[4 + 4 * dims:]), dtype=torch.uint8).reshape(shape)


ACTIVATIONS = {"": lambda x: x, "relu": F.relu, "relu6": F.relu6, "hswish": F.hardswish,
               "swish": F.silu, "sigmoid": torch.sigmoid, "hsigmoid": F.hardsigmoid}


class Peer(nn.Module):
    def __init__(self, layers):
        super().__init__()
        self.layers = layers
        self.parts = nn.ModuleList()
        for layer in layers:
            part = nn.Module()
            kind = layer["kind"]
            if kind == "conv":
                part.conv = nn.Conv2d(layer["input"][0], layer["output"][0], layer["kernel"], layer["stride"],
                                      layer["padding"], layer["dilation"], layer["groups"], layer["bias"])
                part.bn = nn.BatchNorm2d(layer["output"][0]) if layer["batch_norm"] else None
            elif kind == "linear":
                features = layer["input"][0] * layer["input"][1] * layer["input"][2]
                part.linear = nn.Linear(features, layer["output"][0], layer["bias"])
            elif kind == "squeeze_excite":
                part.reduce = nn.Conv2d(layer["input"][0], layer["squeeze_channels"], 1)
                part.expand = nn.Conv2d(layer["squeeze_channels"], layer["input"][0], 1)
            elif kind == "dropout":
                part.dropout = nn.Dropout(layer["dropout"])
            self.parts.append(part)

    def forward(self, x):
        outputs = []
        for layer, part in zip(self.layers, self.parts):
            inputs = [x if i < 0 else outputs[i] for i in layer["inputs"]]
            y = inputs[0]
            kind, act = layer["kind"], ACTIVATIONS[layer["activation"]]
            if kind == "conv":
                y = part.conv(y)
                if part.bn is not None:
                    y = part.bn(y)
                y = act(y)
            elif kind == "linear":
                y = act(part.linear(y.flatten(1)))
            elif kind == "maxpool":
                y = F.max_pool2d(y, layer["kernel"], layer["stride"], layer["padding"])
            elif kind == "avgpool":
                y = F.avg_pool2d(y, layer["kernel"], layer["stride"], layer["padding"])
            elif kind == "global_avg_pool":
                y = F.adaptive_avg_pool2d(y, 1)
            elif kind == "squeeze_excite":
                gate = part.expand(F.relu(part.reduce(F.adaptive_avg_pool2d(y, 1))))
                y = y * act(gate)
            elif kind == "add":
                y = act(y + inputs[1])
            elif kind == "dropout":
                y = part.dropout(y)
            elif kind == "channel_shuffle":
                b, c, h, w = y.shape
                g = layer["groups"]
                y = y.view(b, g, c // g, h, w).transpose(1, 2).contiguous().view(b, c, h, w)
            elif kind == "slice":
                y = y.narrow(1, layer["slice_start"], layer["output"][0])
            elif kind == "concat":
                y = torch.cat(inputs, 1)
            outputs.append(y)
        return outputs[-1]


def main():
    architecture_file, folder, count, batch, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    with open(architecture_file) as stream:
        architecture = json.load(stream)
    images = read_idx(folder + "/train-images-idx3-ubyte.gz")[:count].unsqueeze(1).float().div_(255.0)
    labels = read_idx(folder + "/train-labels-idx1-ubyte.gz")[:count].long()
    images = (images - images.mean()) / images.std()
    model = Peer(architecture["layers"])
    model.train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=0.002, weight_decay=5e-4)
    order = torch.randperm(count)
    start = time.perf_counter()
    correct = 0
    for first in range(0, count, batch):
        index = order[first:first + batch]
        x, y = images.index_select(0, index), labels.index_select(0, index)
        optimizer.zero_grad()
        logits = model(x)
        loss = F.cross_entropy(logits, y)
        loss.backward()
        optimizer.step()
        loss.item()
        correct += logits.argmax(1).eq(y).sum().item()
    seconds = time.perf_counter() - start
    print(json.dumps({"images_per_second": count / seconds, "seconds": seconds,
                      "params": sum(p.numel() for p in model.parameters())}))


if __name__ == "__main__":
    main()
