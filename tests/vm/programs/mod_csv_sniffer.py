import csv

# the sniffer
sample = "id;name;city\n1;ann;paris\n2;bob;rome\n3;cy;oslo\n"
sn = csv.Sniffer()
dia = sn.sniff(sample)
print(dia.delimiter, dia.quotechar, dia.doublequote, dia.skipinitialspace, sn.has_header(sample))
dia = sn.sniff('"a","b","c"\n"1","2","3"\n')
print(dia.delimiter, dia.quotechar, repr(dia.lineterminator))
print(sn.has_header("1,2,3\n4,5,6\n"))
